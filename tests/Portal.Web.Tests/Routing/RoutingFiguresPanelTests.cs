using Portal.Moderation.Routing;
using Portal.Web.Components.Pages.Staff.Admin.RoutingPanels;

namespace Portal.Web.Tests.Routing;

public sealed class RoutingFiguresPanelTests : PortalTestContext
{
    [Fact]
    public void Months_ShowCountsAndPercentages_WithADashWhenNothingWasSuggested()
    {
        var cut = Render<RoutingFiguresPanel>(p => p.Add(f => f.Months,
        [
            new RoutingMonth("2026-09", 10, 8, 0.75, 0.25, 0.1),
            new RoutingMonth("2026-10", 4, 0, null, 0, 0.5),
        ]));

        var rows = cut.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["2026-09", "10", "8", "75.0%", "25.0%", "10.0%"], rows[0]);
        Assert.Equal(["2026-10", "4", "0", "—", "0.0%", "50.0%"], rows[1]);
    }

    [Fact]
    public void NoMonths_SaysThereAreNoAssignments()
    {
        var cut = Render<RoutingFiguresPanel>(p => p.Add(f => f.Months, []));

        Assert.Contains("近 12 个月尚无交办记录。", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("%", cut.Find("tbody").TextContent, StringComparison.Ordinal);
    }
}
