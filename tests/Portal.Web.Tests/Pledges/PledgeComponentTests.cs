using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Moderation.Pledges;
using Portal.Web.Components.Pages.Pledges;
using Portal.Web.Components.Pages.Staff.Pledges;

namespace Portal.Web.Tests.Pledges;

public sealed class PledgeComponentTests : PortalTestContext
{
    [Fact]
    public void PledgeRatings_ShowsEveryLevelWithCountAndShare()
    {
        var distribution = new List<RatingCount>
        {
            new(SatisfactionRating.Satisfied, 3),
            new(SatisfactionRating.BasicallySatisfied, 0),
            new(SatisfactionRating.Dissatisfied, 1),
        };

        var cut = Render<PledgeRatings>(p => p.Add(r => r.Distribution, distribution).Add(r => r.Total, 4));

        Assert.Contains("共 4 人评价", cut.Find("caption").TextContent, StringComparison.Ordinal);
        Assert.Equal("3 人（75%）", cut.Find("td[data-rating=Satisfied]").TextContent);
        Assert.Equal("0 人（0%）", cut.Find("td[data-rating=BasicallySatisfied]").TextContent);
        Assert.Equal("1 人（25%）", cut.Find("td[data-rating=Dissatisfied]").TextContent);
    }

    [Fact]
    public void PledgeRatings_WithoutRatings_SaysSo()
    {
        var cut = Render<PledgeRatings>(p => p.Add(r => r.Distribution, []).Add(r => r.Total, 0));

        Assert.Contains("暂无评价", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void ActionPanel_ForTheOwnerOfAPublishedPledge_OffersProgressButNotFulfilment()
    {
        var item = new PledgeStaffItem(1, "开设四点半课堂", "刘芳", "城东社区党支部", PledgeKind.Annual, 2026, new DateOnly(2026, 12, 31),
            PledgeStatus.Published, false, false, null, 1, 3, "u-owner");

        var cut = Render<PledgeActionPanel>(p => p.Add(x => x.Item, item).Add(x => x.CanProgress, true).Add(x => x.Today, new DateOnly(2026, 11, 23)));

        Assert.Contains("记录进展", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("标记为已践诺", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluationPanel_ListsTheEntries_AndOffersOnlyTheAllowedForms()
    {
        var view = new PledgeEvaluationView(
            [new PledgeAssessmentView(PledgeAssessmentKind.Self, PledgeGrade.Qualified, "完成", "u-owner", "刘芳", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc))], null);

        var cut = Render<PledgeEvaluationPanel>(p => p.Add(x => x.View, view).Add(x => x.Forms, [PledgeAssessmentKind.Peer]));

        Assert.Contains("刘芳", cut.Find("[data-testid=evaluation-entries]").TextContent, StringComparison.Ordinal);
        Assert.Contains("提交评议", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("评语（选填）", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluationPanel_WhenTheRoundIsClosed_ShowsWhyAndNoForm()
    {
        var view = new PledgeEvaluationView([], "2026 年度承诺评议已经结束，不再接受评价。");

        var cut = Render<PledgeEvaluationPanel>(p => p.Add(x => x.View, view).Add(x => x.Forms, [PledgeAssessmentKind.Peer]));

        Assert.Contains("已经结束", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("提交评议", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ReminderPanel_ListsOverdueAndDueSoonPledges()
    {
        PledgeStaffItem Item(int id, string title, bool soon, bool overdue) => new(id, title, "赵磊", "城东社区党支部", PledgeKind.Immediate, 2026,
            new DateOnly(2026, 11, 30), overdue ? PledgeStatus.Overdue : PledgeStatus.Published, soon, overdue, null, 0, 1);

        var cut = Render<PledgeReminderPanel>(p => p.Add(x => x.Reminders, new PledgeReminders([Item(1, "配齐常用药", false, true)], [Item(2, "清理小巷", true, false)], 14)));

        Assert.Contains("有 1 项承诺已逾期未践诺，请督促：配齐常用药", cut.Find("[data-testid=overdue-alert]").TextContent, StringComparison.Ordinal);
        Assert.Contains("将在 14 天内到期：清理小巷", cut.Find("[data-testid=due-soon-alert]").TextContent, StringComparison.Ordinal);
    }
}
