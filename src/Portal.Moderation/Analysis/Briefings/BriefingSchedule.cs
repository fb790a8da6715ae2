using Portal.Data.Briefings;

namespace Portal.Moderation.Analysis.Briefings;

/// <summary>
/// Which periods a briefing covers and when each becomes due: a week runs Monday to Sunday and is due the
/// next Monday at <see cref="DueAt"/> local time; a month is due on the 1st of the next month at that hour.
/// </summary>
public static class BriefingSchedule
{
    public static readonly TimeOnly DueAt = new(8, 0);

    /// <summary>The week or month that contains <paramref name="day"/>.</summary>
    public static DateRange PeriodContaining(BriefingKind kind, DateOnly day)
    {
        if (kind == BriefingKind.Weekly)
        {
            var monday = PeriodPresets.WeekStart(day);
            return new DateRange(monday, monday.AddDays(6));
        }

        var first = new DateOnly(day.Year, day.Month, 1);
        return new DateRange(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The latest period of <paramref name="kind"/> whose briefing is due at local time <paramref name="localNow"/>.</summary>
    public static DateRange LatestDue(BriefingKind kind, DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        var current = PeriodContaining(kind, today);
        var dueToday = current.From == today && TimeOnly.FromDateTime(localNow) >= DueAt;
        // The period before the current one is due once the current one's first day has reached 08:00.
        var lastEnded = PeriodContaining(kind, current.From.AddDays(-1));
        return current.From == today && !dueToday ? PeriodContaining(kind, lastEnded.From.AddDays(-1)) : lastEnded;
    }

    /// <summary>Whether the period has ended by <paramref name="today"/> (only ended periods get a briefing).</summary>
    public static bool HasEnded(DateRange period, DateOnly today) => period.To < today;
}
