using Portal.Data.Supervision;

namespace Portal.Moderation.Supervision;

/// <summary>
/// Which local days are working days: Monday to Friday, except the listed exceptions (holidays off, swapped
/// weekend days on). Immutable, so one instance can be shared by every request until the calendar is edited.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly IReadOnlyDictionary<DateOnly, bool> _exceptions;

    public WorkingCalendar(IReadOnlyDictionary<DateOnly, bool> exceptions)
    {
        ArgumentNullException.ThrowIfNull(exceptions);
        _exceptions = exceptions;
    }

    /// <summary>The default rule alone, without holidays.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new(new Dictionary<DateOnly, bool>());

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working) ? working : CalendarDay.IsWeekday(date);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/> (the day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = day;
        for (var found = 0; found < count;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
                found++;
        }

        return current;
    }

    /// <summary>The <paramref name="count"/>-th working day before <paramref name="day"/> (the day itself not counted).</summary>
    public DateOnly SubtractWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = day;
        for (var found = 0; found < count;)
        {
            current = current.AddDays(-1);
            if (IsWorkingDay(current))
                found++;
        }

        return current;
    }

    /// <summary>How many working days lie between <paramref name="first"/> and <paramref name="last"/>, both included (0 when last &lt; first).</summary>
    public int CountWorkingDays(DateOnly first, DateOnly last)
    {
        var count = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                count++;
        }

        return count;
    }
}
