using Portal.Moderation.Routing;
using Portal.Web.Components.Pages.Staff.Admin.RoutingPanels;

namespace Portal.Web.Tests.Routing;

public sealed class ModelTableTests : PortalTestContext
{
    private static readonly RoutingModelView Active =
        new(11, 2, new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc), "管理员己", 640, 0.81234, 0.8567, 0.74f, 0.3, true, DateTime.UtcNow, null);

    private static readonly RoutingModelView Candidate =
        new(12, 3, new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc), "管理员己", 700, 0.8, 0.9, 0.7f, 0.456, false, null, null);

    private RoutingModelView? _selected;
    private RoutingModelView? _activated;

    private IRenderedComponent<ModelTable> RenderTable(params RoutingModelView[] models) =>
        Render<ModelTable>(p => p
            .Add(t => t.Models, models)
            .Add(t => t.SelectedChanged, m => _selected = m)
            .Add(t => t.Activate, m => _activated = m));

    private static List<string> Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("td").Select(c => c.TextContent.Trim())];

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<ModelTable> cut, int version) =>
        cut.FindAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == $"v{version}");

    private static IEnumerable<AngleSharp.Dom.IElement> Buttons(AngleSharp.Dom.IElement row, string text) =>
        row.QuerySelectorAll("button").Where(b => b.TextContent.Trim() == text);

    [Fact]
    public void Rows_ShowVersion_AndFormattedMetrics_NewestFirstAsGiven()
    {
        var cut = RenderTable(Candidate, Active);

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        var active = Cells(rows[1]);
        Assert.Equal("v2", active[0]);
        Assert.Equal("2026-10-01 10:00", active[1]); // Beijing time
        Assert.Equal("管理员己", active[2]);
        Assert.Equal("640", active[3]);
        Assert.Equal("0.812", active[4]); // macro-F1, three decimals
        Assert.Equal("85.7%", active[5]); // accuracy
        Assert.Equal("0.74", active[6]); // threshold
        Assert.Equal("30.0%", active[7]); // coverage
        Assert.Equal(["v3", "0.800", "90.0%", "0.70", "45.6%"], [.. Cells(rows[0]).Where((_, i) => i is 0 or 4 or 5 or 6 or 7)]);
    }

    [Fact]
    public void ActiveModel_HasTheInUseChip_AndNoActivateButton()
    {
        var cut = RenderTable(Candidate, Active);

        var row = Row(cut, 2);
        Assert.Equal("启用中", row.QuerySelector(".mud-chip")!.TextContent.Trim());
        Assert.Empty(Buttons(row, "启用"));
        Assert.Single(Buttons(row, "查看评估"));
    }

    [Fact]
    public void Candidate_IsMarkedSo_AndItsActivateButtonRaisesActivateWithThatModel()
    {
        var cut = RenderTable(Candidate, Active);

        var row = Row(cut, 3);
        Assert.Equal("候选", row.QuerySelector(".mud-chip")!.TextContent.Trim());
        Buttons(row, "启用").Single().Click();

        Assert.Same(Candidate, _activated);
    }

    [Fact]
    public void ViewEvaluation_RaisesSelectedChangedWithThatModel()
    {
        var cut = RenderTable(Candidate, Active);

        Buttons(Row(cut, 3), "查看评估").Single().Click();

        Assert.Same(Candidate, _selected);
        Assert.Null(_activated);
    }

    [Fact]
    public void SelectedModel_RowIsHighlighted()
    {
        var cut = Render<ModelTable>(p => p.Add(t => t.Models, [Candidate, Active]).Add(t => t.Selected, Active));

        Assert.Contains("mud-selected-item", Row(cut, 2).ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-selected-item", Row(cut, 3).ClassName ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void NoModels_SaysSo()
    {
        var cut = RenderTable();

        Assert.Contains("尚无模型。", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("tbody button"));
    }
}
