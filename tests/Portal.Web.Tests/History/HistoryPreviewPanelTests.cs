using Microsoft.AspNetCore.Components;
using Portal.Data.Departments;
using Portal.Moderation.History;
using Portal.Web.Components.Pages.Staff.Admin.HistoryPanels;

namespace Portal.Web.Tests.History;

public sealed class HistoryPreviewPanelTests : PortalTestContext
{
    private static readonly HistoryFile File = new(
        "board.csv", new string('a', 64), "CSV", "GBK",
        [
            new HistoryRow(2, "路灯不亮", "路灯坏了", new DateTime(2024, 3, 5), null, "城管执法局", 0, "已修复", new DateTime(2024, 3, 8), null, null),
            new HistoryRow(3, "公交太少", "增开早班车", new DateTime(2024, 4, 1), null, "城管执法局", 0, null, null, null, null),
        ],
        [new HistoryRowError(4, "内容为空。")]);

    private static readonly Department[] Departments = [new() { Id = 1, Code = "urban", Name = "住建局", Category = "城乡建设" }];

    private IRenderedComponent<HistoryPreviewPanel> RenderPanel(HistoryPreview preview, Action? import = null) =>
        Render<HistoryPreviewPanel>(p => p
            .Add(x => x.File, File)
            .Add(x => x.Preview, preview)
            .Add(x => x.Departments, Departments)
            .Add(x => x.Options, new HistoryImportOptions())
            .Add(x => x.Import, EventCallback.Factory.Create(this, import ?? (() => { }))));

    [Fact]
    public void Preview_SaysWhatTheImportWillDo_AndListsUnknownDepartments()
    {
        var cut = RenderPanel(new HistoryPreview(2, 0, [new UnknownDepartment("城管执法局", 2)], new DateTime(2024, 3, 5), new DateTime(2024, 4, 1), 1));

        var text = cut.Markup;
        Assert.Contains("编码 GBK", text, StringComparison.Ordinal);
        Assert.Contains("共 3 行数据，可导入 2 行（其中 1 行有答复）", text, StringComparison.Ordinal);
        Assert.Contains("有误 1 行", text, StringComparison.Ordinal);
        Assert.Contains("留言时间从 2024-03-05 到 2024-04-01", text, StringComparison.Ordinal);
        Assert.Contains("城管执法局", cut.Find("table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportButton_CountsOnlyNewRows_AndRaisesImport()
    {
        var imported = false;
        var cut = RenderPanel(new HistoryPreview(2, 1, [], null, null, 0), () => imported = true);

        var button = cut.FindAll("button").Single(b => b.TextContent.Contains("导入", StringComparison.Ordinal));
        Assert.Contains("导入 1 条", button.TextContent, StringComparison.Ordinal);
        button.Click();

        Assert.True(imported);
    }

    [Fact]
    public void ImportButton_IsDisabled_WhenEveryRowWasImportedBefore()
    {
        var cut = RenderPanel(new HistoryPreview(2, 2, [], null, null, 0));

        var button = cut.FindAll("button").Single(b => b.TextContent.Contains("导入", StringComparison.Ordinal));
        Assert.True(button.HasAttribute("disabled"));
    }
}
