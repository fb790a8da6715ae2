using Portal.Data.Supervision;
using Portal.Moderation.Supervision;

namespace Portal.Moderation.Tests.Supervision;

public sealed class EscalationRulesTests
{
    private static readonly SupervisionOptions Rules = new() { ReminderWorkingDays = 2, YellowAfterWorkingDays = 3, RedAfterWorkingDays = 5 };

    private static readonly WorkingCalendar Official = new(HolidayCalendarFile.Load()
        .SelectMany(y => y.Days).ToDictionary(d => d.Date, d => d.IsWorkingDay));

    /// <summary>Last day of the time limit: Friday 6 March 2026.</summary>
    private static readonly DateOnly LastDay = new(2026, 3, 6);

    [Theory]
    [InlineData("2026-03-04", null, 0)]           // three working days left
    [InlineData("2026-03-05", SupervisionLevel.Reminder, 2)]
    [InlineData("2026-03-06", SupervisionLevel.Reminder, 1)]
    [InlineData("2026-03-07", SupervisionLevel.Normal, 0)]  // Saturday: overdue, no full working day yet
    [InlineData("2026-03-11", SupervisionLevel.Normal, 2)]  // Mon 9, Tue 10 have passed
    [InlineData("2026-03-12", SupervisionLevel.Yellow, 3)]
    [InlineData("2026-03-18", SupervisionLevel.Yellow, 7)]
    [InlineData("2026-03-19", SupervisionLevel.Red, 8)]
    public void StepFor_FollowsTheWorkingDaysAroundTheDeadline(string today, SupervisionLevel? level, int days)
    {
        var step = EscalationRules.StepFor(WorkingCalendar.WeekdaysOnly, LastDay, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Rules);

        Assert.Equal(level, step?.Level);
        if (step is not null)
            Assert.Equal(days, step.WorkingDays);
    }

    [Fact]
    public void StepFor_TheGoldenWeekDoesNotCountTowardsTheYellowCard()
    {
        // Last day 30 September; 1–7 October are off, so on 9 October only Thursday 8 has passed.
        var step = EscalationRules.StepFor(Official, new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 9), Rules);

        Assert.Equal(new SupervisionStep(SupervisionLevel.Normal, 1), step);
    }

    [Fact]
    public void StepFor_WithoutReminders_IssuesNothingBeforeTheDeadline()
    {
        var step = EscalationRules.StepFor(WorkingCalendar.WeekdaysOnly, LastDay, LastDay, new SupervisionOptions { ReminderWorkingDays = 0 });

        Assert.Null(step);
    }
}
