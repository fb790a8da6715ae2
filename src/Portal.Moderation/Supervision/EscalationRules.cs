using Portal.Data.Supervision;

namespace Portal.Moderation.Supervision;

/// <summary>
/// Which supervision step is due for a deadline on a given day. With E the last working day of the time limit
/// (the deadline is the following local midnight) and T today:
/// T ≤ E and the working days in [T, E] ≤ reminder days → 催办; T &gt; E → 督办（普通）; the full working days
/// in (E, T) ≥ yellow → 黄牌; ≥ yellow + red → 红牌.
/// </summary>
public static class EscalationRules
{
    public static SupervisionStep? StepFor(WorkingCalendar calendar, DateOnly lastDay, DateOnly today, SupervisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        if (today <= lastDay)
        {
            var remaining = calendar.CountWorkingDays(today, lastDay);
            return remaining <= options.ReminderWorkingDays ? new SupervisionStep(SupervisionLevel.Reminder, remaining) : null;
        }

        var late = calendar.CountWorkingDays(lastDay.AddDays(1), today.AddDays(-1));
        var level = late >= options.YellowAfterWorkingDays + options.RedAfterWorkingDays ? SupervisionLevel.Red
            : late >= options.YellowAfterWorkingDays ? SupervisionLevel.Yellow
            : SupervisionLevel.Normal;
        return new SupervisionStep(level, late);
    }
}

/// <param name="Level">The step due.</param>
/// <param name="WorkingDays">For a reminder, the working days left (today included); otherwise the full working days overdue.</param>
public sealed record SupervisionStep(SupervisionLevel Level, int WorkingDays)
{
    public string Describe(DateOnly lastDay) => Level switch
    {
        SupervisionLevel.Reminder => $"催办：办理时限 {lastDay.Month}月{lastDay.Day}日，还剩 {WorkingDays} 个工作日",
        _ => $"{SupervisionText.Of(Level)}：已超过办理时限（{lastDay.Month}月{lastDay.Day}日）{(WorkingDays == 0 ? "" : $"{WorkingDays} 个工作日")}",
    };
}
