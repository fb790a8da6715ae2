using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Moderation.Opinions;
using Portal.Web.Components.Pages.Staff.Dashboard;

namespace Portal.Web.Tests.Dashboard;

public sealed class DashboardFiltersTests : PortalTestContext
{
    private readonly DashboardTestData _data;

    public DashboardFiltersTests()
        : this(new DashboardTestData())
    {
    }

    private DashboardFiltersTests(DashboardTestData data)
        : base(services => services.AddSingleton(data.Queries).AddSingleton(new OpinionNotifier())) => _data = data;

    private DashboardTestData Data => _data;

    public override Task InitializeAsync() => Data.InitializeAsync();

    protected override ValueTask DisposeTestResourcesAsync() => Data.DisposeAsync();

    private static string Received(IRenderedComponent<DashboardPage> cut) =>
        cut.Find("[data-figure=received] [data-value]").TextContent.Trim();

    [Fact]
    public void OpensOnThisMonth_WithEveryDepartment()
    {
        var cut = Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("3", Received(cut)));
        Assert.Contains("2026-06-01 至 2026-06-20", cut.Find("[data-testid=period-label]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChoosingADepartment_RequeriesWithIt_AndUpdatesTheCards()
    {
        var cut = Render<DashboardPage>();
        cut.WaitForAssertion(() => Assert.Equal("3", Received(cut)));

        var department = cut.FindComponent<MudSelect<int?>>();
        await cut.InvokeAsync(() => department.Instance.ValueChanged.InvokeAsync(Data.Transport.Id));

        cut.WaitForAssertion(() => Assert.Equal("1", Received(cut)));
        Assert.Contains("交通局", cut.Find("table").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("住建局", cut.Find("table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ChoosingLastMonth_RequeriesThatPeriod_AndComparesWithTheOneBefore()
    {
        var cut = Render<DashboardPage>();
        cut.WaitForAssertion(() => Assert.Equal("3", Received(cut)));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "上月").Click();

        cut.WaitForAssertion(() => Assert.Equal("2", Received(cut)));
        Assert.Contains("2026-05-01 至 2026-05-31", cut.Find("[data-testid=period-label]").TextContent, StringComparison.Ordinal);
        Assert.Contains("+2", cut.Find("[data-figure=received] [data-change]").TextContent, StringComparison.Ordinal);
    }
}
