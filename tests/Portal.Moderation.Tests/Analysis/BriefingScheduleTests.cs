using Portal.Data.Briefings;
using Portal.Moderation.Analysis;
using Portal.Moderation.Analysis.Briefings;

namespace Portal.Moderation.Tests.Analysis;

public sealed class BriefingScheduleTests
{
    [Theory]
    [InlineData("2026-11-23 07:59", "2026-11-09")] // Monday before 08:00: last week's is not due yet
    [InlineData("2026-11-23 08:00", "2026-11-16")]
    [InlineData("2026-11-25 12:00", "2026-11-16")]
    [InlineData("2026-11-29 23:00", "2026-11-16")]
    public void LatestDue_Weekly_IsLastWeekFromMonday0800(string localNow, string expectedMonday)
    {
        var due = BriefingSchedule.LatestDue(BriefingKind.Weekly, DateTime.Parse(localNow, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expectedMonday, System.Globalization.CultureInfo.InvariantCulture), due.From);
        Assert.Equal(7, due.Days);
    }

    [Theory]
    [InlineData("2026-12-01 07:00", 2026, 10)]
    [InlineData("2026-12-01 08:30", 2026, 11)]
    [InlineData("2027-01-15 10:00", 2026, 12)]
    public void LatestDue_Monthly_IsLastMonthFromThe1st0800(string localNow, int year, int month)
    {
        var due = BriefingSchedule.LatestDue(BriefingKind.Monthly, DateTime.Parse(localNow, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DateOnly(year, month, 1), due.From);
        Assert.Equal(new DateOnly(year, month, 1).AddMonths(1).AddDays(-1), due.To);
    }

    [Theory]
    [InlineData(PeriodPreset.ThisWeek, "2026-06-15", "2026-06-17")]
    [InlineData(PeriodPreset.ThisMonth, "2026-06-01", "2026-06-17")]
    [InlineData(PeriodPreset.LastMonth, "2026-05-01", "2026-05-31")]
    [InlineData(PeriodPreset.ThisQuarter, "2026-04-01", "2026-06-17")]
    [InlineData(PeriodPreset.ThisYear, "2026-01-01", "2026-06-17")]
    public void Presets_ResolveAroundToday(PeriodPreset preset, string from, string to)
    {
        var range = PeriodPresets.Resolve(preset, new DateOnly(2026, 6, 17));

        Assert.Equal(new DateRange(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), range);
    }

    [Fact]
    public void CustomRange_EndingBeforeItStarts_IsRefusedInChinese()
    {
        var error = Assert.Throws<ArgumentException>(() => PeriodPresets.Resolve(PeriodPreset.Custom, new DateOnly(2026, 6, 17), new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 1)));
        Assert.Contains("结束日期不能早于开始日期", error.Message);
    }
}
