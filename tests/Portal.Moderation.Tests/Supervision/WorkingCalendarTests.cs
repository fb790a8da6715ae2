using Microsoft.Extensions.Options;
using Portal.Moderation.Opinions;
using Portal.Moderation.Supervision;

namespace Portal.Moderation.Tests.Supervision;

/// <summary>Working-day arithmetic on the shipped official calendar of 2026 (国务院办公厅通知).</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Official = new(HolidayCalendarFile.Load()
        .SelectMany(y => y.Days).ToDictionary(d => d.Date, d => d.IsWorkingDay));

    private static readonly DeadlinePolicy Policy = new(Options.Create(new WorkflowOptions()));

    [Theory]
    [InlineData("2026-01-01", false)] // 元旦
    [InlineData("2026-01-04", true)]  // Sunday, 调休上班
    [InlineData("2026-02-14", true)]  // Saturday, 调休上班
    [InlineData("2026-02-16", false)] // Monday in 春节
    [InlineData("2026-02-23", false)] // Monday, last day of 春节
    [InlineData("2026-02-28", true)]  // Saturday, 调休上班
    [InlineData("2026-04-06", false)] // Monday, 清明节
    [InlineData("2026-05-05", false)] // Tuesday, 劳动节
    [InlineData("2026-05-09", true)]  // Saturday, 调休上班
    [InlineData("2026-06-19", false)] // Friday, 端午节
    [InlineData("2026-09-20", true)]  // Sunday, 调休上班
    [InlineData("2026-09-25", false)] // Friday, 中秋节
    [InlineData("2026-10-07", false)] // Wednesday, 国庆节
    [InlineData("2026-10-10", true)]  // Saturday, 调休上班
    [InlineData("2026-10-11", false)] // an ordinary Sunday
    [InlineData("2026-10-12", true)]  // an ordinary Monday
    public void IsWorkingDay_FollowsTheOfficialNotice(string date, bool working)
    {
        Assert.Equal(working, Official.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Year2026_Has248WorkingDays()
    {
        // 261 weekdays, less 19 weekday holidays, plus 6 swapped weekend working days.
        Assert.Equal(248, Official.CountWorkingDays(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void AddWorkingDays_JustBeforeSpringFestival_CountsTheSwappedSaturdayAndSkipsTheHoliday()
    {
        // Friday 13 February: Saturday 14 (调休上班) is the first, 15–23 are off, 24 and 25 follow.
        Assert.Equal(new DateOnly(2026, 2, 25), Official.AddWorkingDays(new DateOnly(2026, 2, 13), 3));
    }

    [Fact]
    public void AddWorkingDays_FromTheSwappedSaturday_TheNextWorkingDayIsAfterTheHoliday()
    {
        Assert.Equal(new DateOnly(2026, 2, 24), Official.AddWorkingDays(new DateOnly(2026, 2, 14), 1));
    }

    [Fact]
    public void AddWorkingDays_JustBeforeNationalDay_SkipsTheGoldenWeekAndCountsTheSwappedSaturday()
    {
        // Wednesday 30 September: 1–7 October off, Thursday 8, Friday 9, Saturday 10 (调休上班).
        Assert.Equal(new DateOnly(2026, 10, 9), Official.AddWorkingDays(new DateOnly(2026, 9, 30), 2));
        Assert.Equal(new DateOnly(2026, 10, 10), Official.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
    }

    [Fact]
    public void AddWorkingDays_OnTheSaturdayBeforeASwappedSunday_CountsThatSunday()
    {
        Assert.Equal(new DateOnly(2026, 9, 20), Official.AddWorkingDays(new DateOnly(2026, 9, 19), 1));
    }

    [Fact]
    public void SubtractWorkingDays_IsTheInverseAcrossTheHoliday()
    {
        Assert.Equal(new DateOnly(2026, 2, 14), Official.SubtractWorkingDays(new DateOnly(2026, 2, 25), 2));
        Assert.Equal(new DateOnly(2026, 2, 12), Official.SubtractWorkingDays(new DateOnly(2026, 2, 14), 2));
    }

    [Fact]
    public void DeadlineFor_AssignedTheDayBeforeNationalDay_EndsAtMidnightAfterThe15thWorkingDay()
    {
        // 30 September 10:00 Beijing; 8, 9, 10, 12–16, 19–23, 26, 27 October.
        var deadline = Policy.DeadlineFor(Official, 15, new DateTime(2026, 9, 30, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 10, 27, 16, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void ShippedFile_Marks2027AsProvisional_WithItsStatutoryHolidaysAndNoSwappedDays()
    {
        var years = HolidayCalendarFile.Load();
        var y2026 = Assert.Single(years, y => y.Year == 2026);
        var y2027 = Assert.Single(years, y => y.Year == 2027);

        Assert.False(y2026.IsProvisional);
        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知", y2026.Source, StringComparison.Ordinal);
        Assert.True(y2027.IsProvisional);
        Assert.DoesNotContain(y2027.Days, d => d.IsWorkingDay);
        // 元旦1 + 春节4 (除夕 5 February to 初三) + 清明1 + 劳动节2 + 端午1 + 中秋1 + 国庆3 = 13 days.
        Assert.Equal(13, y2027.Days.Count);
        Assert.Equal(["春节"], y2027.Days.Where(d => d.Date >= new DateOnly(2027, 2, 5) && d.Date <= new DateOnly(2027, 2, 8)).Select(d => d.Name).Distinct());
    }
}
