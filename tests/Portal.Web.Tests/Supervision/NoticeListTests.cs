using Portal.Data.Supervision;
using Portal.Moderation.Supervision;
using Portal.Web.Components.Pages.Staff.Supervision;

namespace Portal.Web.Tests.Supervision;

public sealed class NoticeListTests : PortalTestContext
{
    /// <summary>A time limit whose last day is Friday 20 March 2026 (it ends at local midnight, 16:00 UTC).</summary>
    private static readonly DateTime Deadline = new(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NoticeList_ShowsEachNoticeWithItsLevelCaseLinkAndLastDay()
    {
        var notices = new List<NoticeView>
        {
            Notice(7, SupervisionLevel.Red, "工地拖欠农民工工资三个月"),
            Notice(9, SupervisionLevel.Reminder, "老旧小区雨污管道堵塞"),
        };

        var cut = Render<NoticeList>(p => p.Add(n => n.Items, notices).Add(n => n.Caption, "本部门的督办与催办"));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("红牌督办", rows[0].QuerySelector("[data-level=Red]")!.TextContent.Trim());
        Assert.Equal("催办", rows[1].QuerySelector("[data-level=Reminder]")!.TextContent.Trim());
        Assert.Equal("/staff/cases/7", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("2026-03-20", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("本部门的督办与催办", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("解除", cut.Find("thead").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoticeList_WithClearedNotices_ShowsWhyTheyWereCleared()
    {
        var cleared = Notice(3, SupervisionLevel.Yellow, "砖厂夜间生产粉尘大") with { ClearedAt = Deadline.AddDays(3), ClearReason = "已办结" };

        var cut = Render<NoticeList>(p => p.Add(n => n.Items, [cleared]).Add(n => n.ShowCleared, true));

        Assert.Contains("已办结", cut.Find("tbody tr").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoticeList_Empty_SaysThereIsNothingOpen()
    {
        var cut = Render<NoticeList>(p => p.Add(n => n.Items, []));

        Assert.Contains("没有未解除的督办或催办", cut.Markup, StringComparison.Ordinal);
    }

    private static NoticeView Notice(int opinionId, SupervisionLevel level, string title) =>
        new(opinionId * 10, opinionId, "K7QMX3PA9R", title, "县住房和城乡建设局", level, Deadline, Deadline.AddDays(-1), null, null, "张三");
}
