using Portal.Moderation.Routing;
using Portal.Web.Components.Pages.Staff.Admin.RoutingPanels;

namespace Portal.Web.Tests;

public sealed class ModelEvaluationViewTests : PortalTestContext
{
    private static RoutingModelView Model(float recommended)
    {
        var evaluation = new RouterEvaluation
        {
            Method = "5 折分层交叉验证",
            N = 20,
            Accuracy = 0.85,
            MacroF1 = 0.8,
            Labels = ["交通运输", "城乡建设"],
            PerClass = new Dictionary<string, ClassMetrics>
            {
                ["交通运输"] = new(0.9, 0.8, 0.847, 10),
                ["城乡建设"] = new(0.82, 0.9, 0.858, 10),
            },
            Confusion = [[8, 2], [1, 9]],
            Curve = [.. Enumerable.Range(0, 101).Select(i => new CoveragePoint(i / 100f, 1 - i / 100.0, 0.8 + i / 500.0))],
            TargetPrecision = 0.95,
            RecommendedThreshold = recommended,
            CoverageAtThreshold = 0.3,
            PrecisionAtThreshold = 0.95,
        };
        var report = new ModelReport(evaluation, 15, 5, 0, new Dictionary<string, int>(), 1.5);
        return new RoutingModelView(1, 3, DateTime.UtcNow, "admin", 20, 0.8, 0.85, recommended, 0.3, false, null, report);
    }

    [Fact]
    public void ConfusionMatrix_ShowsCounts_WithCaption_AndDistinguishesTheDiagonal()
    {
        var cut = Render<ModelEvaluationView>(p => p.Add(v => v.Model, Model(0.74f)));

        var table = cut.Find("table.routing-confusion");
        Assert.Contains("行为实际部门", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        var cells = table.QuerySelectorAll("tbody td");
        Assert.Equal(["8", "2", "1", "9"], cells.Select(c => c.TextContent));
        Assert.Contains("46,125,50", cells[0].GetAttribute("style"), StringComparison.Ordinal); // diagonal: green
        Assert.Contains("198,40,40", cells[1].GetAttribute("style"), StringComparison.Ordinal); // off-diagonal: red
        Assert.Equal(2, table.QuerySelectorAll("tbody th[scope=row]").Length);
    }

    [Fact]
    public void CoverageTable_HasTheGrid_AndTheRecommendedThreshold()
    {
        var cut = Render<ModelEvaluationView>(p => p.Add(v => v.Model, Model(0.74f)));

        var rows = cut.FindAll("tr").Where(r => r.TextContent.Contains('%', StringComparison.Ordinal) && r.QuerySelectorAll("td").Length == 3).ToList();
        var thresholds = rows.Select(r => r.QuerySelector("td")!.TextContent).ToList();
        Assert.Equal(11, thresholds.Count); // 0.50 … 0.95 and 0.74
        Assert.Equal("0.50", thresholds[0]);
        Assert.Equal("0.74（推荐）", thresholds[5]);
        Assert.Equal("0.95", thresholds[^1]);
    }

    [Fact]
    public void NoReport_SaysSo()
    {
        var cut = Render<ModelEvaluationView>(p => p.Add(v => v.Model, Model(0.7f) with { Report = null }));

        Assert.Contains("该模型没有评估结果", cut.Markup, StringComparison.Ordinal);
    }
}
