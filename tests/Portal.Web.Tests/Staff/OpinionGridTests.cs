using Bunit;
using Portal.Data.Opinions;
using Portal.Moderation.Opinions;
using Portal.Web.Components.Pages.Staff;

namespace Portal.Web.Tests.Staff;

/// <summary>The staff list grid asks the server for one page at a time: search, sort and page travel with each request.</summary>
public sealed class OpinionGridTests : PortalTestContext
{
    private const int Total = 60;

    private readonly List<OpinionPageView> _requests = [];

    private Task<PagedResult<OpinionListItem>> LoadPage(OpinionPageView view, CancellationToken ct)
    {
        _requests.Add(view);
        var items = Enumerable.Range(view.PageIndex * view.PageSize + 1, Math.Max(0, Math.Min(view.PageSize, Total - view.PageIndex * view.PageSize)))
            .Select(Item).ToList();
        return Task.FromResult(new PagedResult<OpinionListItem>(items, Total, view.PageIndex + 1, view.PageSize));
    }

    private IRenderedComponent<OpinionGrid> RenderGrid(int refresh = 0) =>
        Render<OpinionGrid>(p => p.Add(g => g.LoadPage, LoadPage).Add(g => g.Caption, "新提交的意见").Add(g => g.Refresh, refresh));

    [Fact]
    public void FirstRender_RequestsOnlyTheFirstPage_AndShowsTheWholeTotal()
    {
        var cut = RenderGrid();

        var request = Assert.Single(_requests);
        Assert.Equal(new OpinionPageView(null, OpinionListSort.Default, false, 0, 25), request);
        Assert.Equal(25, cut.FindAll("tbody tr").Count);
        Assert.Contains("新提交的意见（60）", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("1-25，共 60 条", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("/staff/cases/1", cut.Find("tbody tr a").GetAttribute("href"));
    }

    [Fact]
    public void NextPage_RequestsTheSecondPage()
    {
        var cut = RenderGrid();

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, _requests[^1].PageIndex));
        Assert.Equal("/staff/cases/26", cut.Find("tbody tr a").GetAttribute("href"));
    }

    [Fact]
    public void Search_IsDebounced_AndStartsAgainOnTheFirstPage()
    {
        var cut = RenderGrid();
        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, _requests[^1].PageIndex));
        var before = _requests.Count;

        cut.Find(".mud-toolbar input").Input("路灯");

        cut.WaitForAssertion(() => Assert.Equal("路灯", _requests[^1].Search), TimeSpan.FromSeconds(3));
        Assert.Equal(0, _requests[^1].PageIndex);
        Assert.Equal(1, _requests.Skip(before).Count(r => r.Search == "路灯"));
    }

    [Fact]
    public void ClickingASortableHeader_RequestsThatSortFromTheServer_AscendingThenDescending()
    {
        var cut = RenderGrid();

        var header = () => cut.FindAll("th").First(th => th.TextContent.Contains("标题", StringComparison.Ordinal)).QuerySelector(".sortable-column-header")!;

        header().Click();
        cut.WaitForAssertion(() => Assert.Equal(OpinionListSort.Title, _requests[^1].Sort));
        Assert.False(_requests[^1].Descending);
        header().Click();
        cut.WaitForAssertion(() => Assert.True(_requests[^1].Descending));
        Assert.Equal(OpinionListSort.Title, _requests[^1].Sort);
    }

    [Fact]
    public void ChangingRefresh_ReloadsTheCurrentPage()
    {
        var cut = RenderGrid();
        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, _requests[^1].PageIndex));
        var before = _requests.Count;

        cut.Render(p => p.Add(g => g.Refresh, 1));

        cut.WaitForAssertion(() => Assert.Equal(before + 1, _requests.Count));
        Assert.Equal(1, _requests[^1].PageIndex);
    }

    [Fact]
    public void WithItems_ShowsTheLoadedListWithoutAskingForPages()
    {
        var cut = Render<OpinionGrid>(p => p.Add(g => g.Items, [Item(1), Item(2)]));

        Assert.Equal(2, cut.FindAll("tbody tr").Count);
        Assert.Empty(_requests);
    }

    private static OpinionListItem Item(int id) => new(
        id, $"K7QMX3PA{id:00}", $"意见{id}", OpinionKind.Suggestion, OpinionChannel.OpinionBox, "幸福小区", OpinionStatus.Submitted,
        new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc).AddMinutes(id), null, null, null, null, null, false, 0);
}
