using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Extensions;
using Portal.Web.Components.Pages.Staff.Admin.RoutingPanels;

namespace Portal.Web.Tests.Routing;

public sealed class RoutingImportPanelTests : PortalTestContext
{
    private const string GoodTsv =
        "标题\t内容\t类别\n" +
        "小区电梯坏了\t电梯停运一个月没人修\t城乡建设\n" +
        "公交班次太少\t杏花村到县城只有一班车\t交通出行\n" +
        "路灯不亮\t三号楼前的路灯坏了两周\t城乡建设\n" +
        "夜市噪音\t每天晚上十一点以后还很吵\t其他\n";

    private readonly RoutingTestServices _routing;
    private int _changed;

    public RoutingImportPanelTests()
        : this(new RoutingTestServices())
    {
    }

    private RoutingImportPanelTests(RoutingTestServices routing)
        : base(routing.Register) => _routing = routing;

    public override Task InitializeAsync() => _routing.InitializeAsync();

    protected override ValueTask DisposeTestResourcesAsync() => _routing.DisposeAsync();

    private IRenderedComponent<RoutingImportPanel> RenderPanel()
    {
        Render<MudPopoverProvider>();
        var cut = Render<RoutingImportPanel>(p => p
            .Add(i => i.Departments, _routing.ActiveDepartments)
            .Add(i => i.Actor, RoutingTestServices.Admin)
            .Add(i => i.Changed, () => _changed++));
        cut.WaitForAssertion(() => Assert.Contains("尚未导入数据。", cut.Markup, StringComparison.Ordinal));
        return cut;
    }

    private async Task<int> StoredExamplesAsync()
    {
        await using var db = _routing.CreateDbContext();
        return await db.RoutingExamples.CountAsync();
    }

    [Fact]
    public async Task BadFile_ShowsTheChineseReason_AndChangesNothing()
    {
        var cut = RenderPanel();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("标题\t正文\n电梯坏了\t一个月没人修\n", "留言.tsv"));

        cut.WaitForAssertion(() => Assert.Contains("标签", cut.Find(".mud-alert-text-error").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("预览：", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "导入");
        Assert.Equal(0, await StoredExamplesAsync());
        Assert.Equal(0, _changed);
    }

    [Fact]
    public async Task UnsupportedFileType_ShowsTheChineseReason()
    {
        var cut = RenderPanel();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-1.7", "留言.pdf"));

        cut.WaitForAssertion(() => Assert.Contains("不支持“.pdf”类型的文件", cut.Find(".mud-alert-text-error").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await StoredExamplesAsync());
    }

    [Fact]
    public void GoodTsv_ShowsThePreview_WithLabelsMappedToDepartmentsByCategory()
    {
        var cut = RenderPanel();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(GoodTsv, "留言.tsv"));

        cut.WaitForAssertion(() => Assert.Contains("预览：留言.tsv", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("可导入 4 行，跳过 0 行", cut.Markup, StringComparison.Ordinal);
        var labels = cut.FindAll("tr").Where(r => r.QuerySelector(".mud-select") is not null)
            .Select(r => (Label: r.QuerySelector("td")!.TextContent.Trim(), Count: r.QuerySelectorAll("td")[1].TextContent.Trim())).ToList();
        Assert.Equal([("城乡建设", "2"), ("交通出行", "1"), ("其他", "1")], labels);
        var mapped = cut.FindComponents<MudSelect<int>>().Select(s => s.Instance.GetState(x => x.Value)).ToList();
        Assert.Equal([_routing.Urban.Id, _routing.Transport.Id, 0], mapped); // 其他: no department, skipped
        Assert.Equal(0, _changed);
    }

    [Fact]
    public async Task Import_StoresTheMappedMessages_ReportsTheCountAndTheSkippedLabel_AndListsTheImport()
    {
        var cut = RenderPanel();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(GoodTsv, "留言.tsv"));
        cut.WaitForAssertion(() => Assert.Contains("预览：留言.tsv", cut.Markup, StringComparison.Ordinal));

        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "导入").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("已导入 3 条", cut.Markup, StringComparison.Ordinal));
        var report = cut.Find(".mud-alert-text-success").TextContent;
        Assert.Contains("其他 1 条", report, StringComparison.Ordinal);
        Assert.DoesNotContain("预览：", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(3, await StoredExamplesAsync());
        Assert.Equal(1, _changed);
        var listed = Assert.Single(await _routing.Service.ListImportsAsync());
        Assert.Equal(3, listed.Count);
        Assert.Contains(cut.FindAll("tbody tr"), r => r.TextContent.Contains(listed.Source, StringComparison.Ordinal) && r.TextContent.Contains('3', StringComparison.Ordinal));
    }
}
