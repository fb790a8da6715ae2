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
    public void ActionPanel_ForALeaderOnAFulfilledPledge_OffersOnlyTheEvaluation()
    {
        var item = new PledgeStaffItem(1, "开设四点半课堂", "刘芳", "城东社区党支部", PledgeKind.Annual, 2026, new DateOnly(2026, 12, 31),
            PledgeStatus.Fulfilled, false, false, null, 1, 3);

        var cut = Render<PledgeActionPanel>(p => p.Add(x => x.Item, item).Add(x => x.CanEvaluate, true).Add(x => x.Today, new DateOnly(2026, 11, 23)));

        Assert.Contains("提交评议", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("记录进展", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("标记为已践诺", cut.Markup, StringComparison.Ordinal);
    }
}
