using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data.Routing;
using Portal.Moderation.Routing;
using Portal.Moderation.DataFiles;
using Portal.Moderation.Routing.Import;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Routing;

/// <summary>
/// The administrator's routing workspace over the workflow harness (住建局 城乡建设, 交通局 交通出行, and the
/// inactive 原市政处 市政): settings, imports with label mapping, training data from history, monthly figures.
/// </summary>
public sealed class RoutingAdminServiceTests : IAsyncLifetime
{
    private WorkflowHarness _harness = null!;
    private RoutingAdminService _service = null!;

    public async Task InitializeAsync()
    {
        _harness = await WorkflowHarness.CreateAsync();
        var registry = new RouterRegistry(_harness.Database, _harness.Router, _harness.Routing, new ManualRouter(),
            Microsoft.Extensions.Options.Options.Create(new RoutingOptions()), new TestHostEnvironment(Path.GetTempPath()), _harness.Clock, NullLogger<RouterRegistry>.Instance);
        _service = new RoutingAdminService(_harness.Database, registry, _harness.Router, _harness.Routing, _harness.Deadlines, _harness.Clock, _harness.Audit);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task UpdateSettings_ByAnAdministrator_IsStoredAndSeenByRouting()
    {
        await _harness.Routing.GetSettingsAsync(default); // cached before the change

        await _service.UpdateSettingsAsync(RoutingMode.SuggestOnly, 0.8f, 0, _harness.Admin);

        var settings = await _harness.Routing.GetSettingsAsync(default);
        Assert.Equal(RoutingMode.SuggestOnly, settings.Mode);
        Assert.Equal(0.8f, settings.ThresholdOverride);
    }

    [Fact]
    public async Task UpdateSettings_BySecondAdministratorWhoSawTheOldVersion_IsRefused_AndTheFirstChangeIsKept()
    {
        var seen = await _service.GetSettingsAsync();
        await _service.UpdateSettingsAsync(RoutingMode.SuggestOnly, 0.8f, seen.Version, _harness.Admin);

        var ex = await Assert.ThrowsAsync<ConcurrentEditException>(() => _service.UpdateSettingsAsync(RoutingMode.Off, null, seen.Version, _harness.Admin));

        Assert.Equal("该记录已被他人修改，已显示最新内容，请确认后重试。", ex.Message);
        var stored = await _service.GetSettingsAsync();
        Assert.Equal((RoutingMode.SuggestOnly, 0.8f, seen.Version + 1), (stored.Mode, stored.ThresholdOverride, stored.Version));
    }

    [Fact]
    public async Task UpdateSettings_ByAModerator_IsRefused()
    {
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _service.UpdateSettingsAsync(RoutingMode.Off, null, 0, _harness.Moderator));
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.1f)]
    public async Task UpdateSettings_WithAThresholdOutsideZeroToOne_IsRefusedInChinese(float threshold)
    {
        var ex = await Assert.ThrowsAsync<RoutingAdminException>(() => _service.UpdateSettingsAsync(RoutingMode.AutoAssign, threshold, 0, _harness.Admin));
        Assert.Contains("阈值", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewThenImport_MapsKnownLabelsAndSkipsUnmappedOnesWithAReport()
    {
        const string file = "title\tbody\tlabel\n电梯坏了\t小区电梯停运一个月\t城乡建设\n公交太少\t班次一小时一趟\t交通局\n噪音扰民\t夜里施工\t环境保护\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file));

        var preview = await _service.PreviewImportAsync(stream, "history.tsv");

        Assert.Equal(3, preview.Data.Messages.Count);
        Assert.Equal(_harness.UrbanId, preview.Labels.Single(l => l.Label == "城乡建设").DepartmentId); // by category
        Assert.Equal(_harness.TransportId, preview.Labels.Single(l => l.Label == "交通局").DepartmentId); // by name
        Assert.Null(preview.Labels.Single(l => l.Label == "环境保护").DepartmentId);

        var mapping = preview.Labels.ToDictionary(l => l.Label, l => l.DepartmentId);
        var report = await _service.ImportAsync(preview, mapping, _harness.Admin);

        Assert.Equal(2, report.Imported);
        Assert.Equal(1, report.SkippedByLabel["环境保护"]);
        await using var db = _harness.Database.CreateDbContext();
        Assert.Equal(["交通出行", "城乡建设"], await db.RoutingExamples.Select(e => e.Label).OrderBy(l => l).ToListAsync());
        var source = Assert.Single(await _service.ListImportsAsync());
        Assert.Equal(2, source.Count);
        Assert.StartsWith("history.tsv（2026-03-01 10:00）", source.Source, StringComparison.Ordinal); // local time
    }

    [Fact]
    public async Task Preview_OfABadFile_ThrowsAChineseMessageAndStoresNothing()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a\tb\n1\t2\n"));

        await Assert.ThrowsAsync<DataFileFormatException>(() => _service.PreviewImportAsync(stream, "bad.tsv"));

        Assert.Empty(await _service.ListImportsAsync());
    }

    [Fact]
    public async Task DeleteImport_RemovesThatImportOnly()
    {
        await using (var db = _harness.Database.CreateDbContext())
        {
            db.RoutingExamples.AddRange(
                new RoutingExample { Title = "a", Body = "电梯", Label = "城乡建设", Source = "one", ImportedAt = _harness.Now },
                new RoutingExample { Title = "b", Body = "公交", Label = "交通出行", Source = "two", ImportedAt = _harness.Now });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await _service.DeleteImportAsync("one", _harness.Admin));

        Assert.Equal("two", Assert.Single(await _service.ListImportsAsync()).Source);
    }

    [Fact]
    public async Task TrainingData_HoldsAcceptedOpinionsOfActiveDepartments_NotUnconfirmedAssignments()
    {
        var accepted = (await _harness.SubmitAsync(WorkflowHarness.Input("电梯坏了"))).OpinionId;
        await _harness.RegisterAsync(accepted);
        await _harness.AssignAsync(accepted, _harness.UrbanId);
        await _harness.AcceptAsync(accepted);
        var onlyAssigned = (await _harness.SubmitAsync(WorkflowHarness.Input("公交太少"))).OpinionId;
        await _harness.RegisterAsync(onlyAssigned);
        await _harness.AssignAsync(onlyAssigned, _harness.TransportId);

        var data = await _service.GetTrainingDataAsync(includeSeed: false);

        var example = Assert.Single(data.Messages);
        Assert.Equal(("电梯坏了", "城乡建设"), (example.Title, example.Label));
        Assert.Equal(1, data.HistoryCount);
    }

    [Fact]
    public async Task MonthlyFigures_CountAcceptanceAutoAssignmentAndReturns()
    {
        var corrected = (await _harness.SubmitAsync(WorkflowHarness.Input("路灯不亮"))).OpinionId;
        await _harness.RegisterAsync(corrected);
        await _harness.AssignAsync(corrected, _harness.TransportId);
        await _harness.ReturnAsync(corrected, "不属于交通局");

        var figures = Assert.Single(await _service.GetMonthlyFiguresAsync());

        Assert.Equal("2026-03", figures.Month);
        Assert.Equal(1, figures.Assigned);
        Assert.Equal(0, figures.WithSuggestion); // the harness routes by hand
        Assert.Null(figures.AcceptanceRate);
        Assert.Equal(0, figures.AutoAssignedRate);
        Assert.Equal(1, figures.ReassignedRate);
    }
}
