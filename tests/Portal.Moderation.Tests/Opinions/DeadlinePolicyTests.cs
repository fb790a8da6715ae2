using Microsoft.Extensions.Options;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Supervision;

namespace Portal.Moderation.Tests.Opinions;

public sealed class DeadlinePolicyTests
{
    /// <summary>2026-03-01 10:00 Beijing time.</summary>
    private static readonly DateTime AssignedAt = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DeadlineFor_15WorkingDays_EndsAtMidnightBeijingAfterTheFifteenthWorkingDay()
    {
        var policy = Policy();

        // Sunday 1 March: Monday 2 to Friday 20 March are the 15 working days.
        var deadline = policy.DeadlineFor(WorkingCalendar.WeekdaysOnly, 15, AssignedAt);

        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
        Assert.Equal(new DateTime(2026, 3, 21, 0, 0, 0), policy.ToLocal(deadline));
        Assert.Equal(new DateOnly(2026, 3, 20), policy.LastDayOf(deadline));
    }

    [Theory]
    [InlineData("2026-03-01T00:00:00Z")] // 08:00 Beijing
    [InlineData("2026-02-28T16:00:00Z")] // 00:00 Beijing, the first instant of 1 March
    [InlineData("2026-03-01T15:59:59Z")] // 23:59:59 Beijing
    public void DeadlineFor_AnyTimeOnTheSameBeijingDay_GivesTheSameDeadline(string assignedAt)
    {
        var deadline = Policy().DeadlineFor(WorkingCalendar.WeekdaysOnly, 15, Utc(assignedAt));

        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void DeadlineFor_AfterMidnightBeijing_CountsFromTheNextLocalDay()
    {
        // 2026-03-01T16:30Z is 00:30 on Monday 2 March in Beijing: Tuesday 3 to Monday 23 March.
        var deadline = Policy().DeadlineFor(WorkingCalendar.WeekdaysOnly, 15, Utc("2026-03-01T16:30:00Z"));

        Assert.Equal(new DateTime(2026, 3, 23, 16, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public async Task DeadlineForAsync_UsesTheDepartmentsDefaultDays()
    {
        var deadline = await Policy().DeadlineForAsync(Department(10), OpinionKind.Complaint, AssignedAt);

        Assert.Equal(new DateTime(2026, 3, 13, 16, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public async Task DeadlineForAsync_TheDepartmentsLimitForTheKind_WinsOverItsDefault()
    {
        var department = Department(15, (OpinionKind.Question, 7));

        Assert.Equal(7, DeadlinePolicy.DaysFor(department, OpinionKind.Question));
        Assert.Equal(15, DeadlinePolicy.DaysFor(department, OpinionKind.Suggestion));
        Assert.Equal(new DateTime(2026, 3, 10, 16, 0, 0, DateTimeKind.Utc), await Policy().DeadlineForAsync(department, OpinionKind.Question, AssignedAt));
        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), await Policy().DeadlineForAsync(department, OpinionKind.Suggestion, AssignedAt));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void DaysFor_NonPositiveKindLimit_FallsBackToTheDepartmentDefault(int days)
    {
        Assert.Equal(12, DeadlinePolicy.DaysFor(Department(12, (OpinionKind.Question, days)), OpinionKind.Question));
    }

    [Fact]
    public void DaysFor_WithoutDepartment_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DeadlinePolicy.DaysFor(null!, OpinionKind.Question));
    }

    [Fact]
    public void DeadlineFor_InAnotherTimeZone_EndsAtThatZonesMidnight()
    {
        var policy = Policy(new WorkflowOptions { TimeZone = "UTC" });

        var deadline = policy.DeadlineFor(WorkingCalendar.WeekdaysOnly, 15, AssignedAt);

        Assert.Equal(new DateTime(2026, 3, 21, 0, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void UnknownTimeZone_FallsBackToUtcPlus8()
    {
        var policy = Policy(new WorkflowOptions { TimeZone = "Nowhere/Atlantis" });

        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), policy.DeadlineFor(WorkingCalendar.WeekdaysOnly, 15, AssignedAt));
        Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0), policy.ToLocal(AssignedAt));
    }

    [Fact]
    public void ToLocal_ConvertsUtcToBeijingTime()
    {
        var local = Policy().ToLocal(AssignedAt);

        Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0), local);
        Assert.NotEqual(DateTimeKind.Utc, local.Kind);
    }

    [Fact]
    public void ToLocal_TreatsAnUnspecifiedKindAsUtc()
    {
        var local = Policy().ToLocal(new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0), local);
    }

    [Fact]
    public void ToUtc_ConvertsBeijingWallClockToUtc()
    {
        var utc = Policy().ToUtc(new DateTime(2026, 3, 17, 0, 0, 0));

        Assert.Equal(new DateTime(2026, 3, 16, 16, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void ToUtc_ThenToLocal_RoundTrips()
    {
        var policy = Policy();
        var local = new DateTime(2026, 12, 31, 23, 59, 0);

        Assert.Equal(local, policy.ToLocal(policy.ToUtc(local)));
    }

    private static DeadlinePolicy Policy(WorkflowOptions? options = null) => new(Options.Create(options ?? new WorkflowOptions()));

    private static Department Department(int days, params (OpinionKind Kind, int Days)[] kinds) =>
        new()
        {
            Id = 1, Code = "x", Name = "住建局", Category = "城乡建设", DefaultDeadlineDays = days,
            KindDeadlines = [.. kinds.Select(k => new DepartmentDeadline { Kind = k.Kind, WorkingDays = k.Days })],
        };

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
