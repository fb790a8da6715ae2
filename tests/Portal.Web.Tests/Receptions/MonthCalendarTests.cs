using Portal.Data.Receptions;
using Portal.Moderation.Receptions;
using Portal.Web.Components.Pages.Receptions;

namespace Portal.Web.Tests.Receptions;

public sealed class MonthCalendarTests : PortalTestContext
{
    private static SessionListItem Session(int id, DateTime startsLocal, ReceptionSessionStatus status = ReceptionSessionStatus.Scheduled, string? reason = null) => new(
        id, 1, "陈建国", "县委副书记", "党建", ReceptionHostKind.Leader, startsLocal.AddHours(-8), startsLocal.AddHours(-5), startsLocal, startsLocal.AddHours(3),
        null, null, "清河县人民来访接待中心", ReceptionMethod.FixedPlace, null, 8, 0, status, reason, startsLocal.AddDays(-1), status == ReceptionSessionStatus.Scheduled, 1);

    [Fact]
    public void MonthCalendar_LinksEachSessionOnItsDay_AndShowsACancellationsReason()
    {
        var grid = MonthGrid.Build(2026, 12, [Session(3, new DateTime(2026, 12, 1, 8, 30, 0)), Session(4, new DateTime(2026, 12, 8, 8, 30, 0), ReceptionSessionStatus.Cancelled, "领导出差")],
            new DateOnly(2026, 11, 24));

        var cut = Render<MonthCalendar>(p => p.Add(c => c.Grid, grid));

        Assert.Equal("2026 年 12 月", cut.Find("#calendar-title").TextContent);
        Assert.Equal(5, cut.FindAll("table.calendar-grid tbody tr").Count); // 2026-11-30 … 2027-01-03
        var first = cut.Find("a[href='/receptions/sessions/3']");
        Assert.Contains("08:30 陈建国", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", first.ParentElement!.QuerySelector(".day-number")!.TextContent);
        var cancelled = cut.Find("a[href='/receptions/sessions/4']");
        Assert.Contains("cancelled", cancelled.ClassList);
        Assert.Contains("已取消：领导出差", cancelled.TextContent, StringComparison.Ordinal);
        Assert.Equal("/receptions?month=2026-11#calendar-title", cut.Find("[data-testid=calendar-prev]").GetAttribute("href"));
        Assert.Equal("/receptions?month=2027-01#calendar-title", cut.Find("[data-testid=calendar-next]").GetAttribute("href"));
    }

    [Fact]
    public void MonthCalendar_MarksOtherMonthsDaysAndToday()
    {
        var grid = MonthGrid.Build(2026, 11, [], new DateOnly(2026, 11, 24));

        var cut = Render<MonthCalendar>(p => p.Add(c => c.Grid, grid));

        Assert.Equal(12, cut.FindAll("td.other-month").Count); // 2026-10-26 … 10-31 and 12-01 … 12-06
        Assert.Equal("24", cut.Find("td.today .day-number").TextContent);
        Assert.Empty(cut.FindAll("a.calendar-session"));
    }
}
