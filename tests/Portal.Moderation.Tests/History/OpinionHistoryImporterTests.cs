using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data.Opinions;
using Portal.Moderation.History;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.History;

public sealed class OpinionHistoryImporterTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;
    private OpinionHistoryImporter _importer = null!;

    public async Task InitializeAsync()
    {
        _h = await WorkflowHarness.CreateAsync();
        _importer = new OpinionHistoryImporter(_h.Database, _h.Deadlines, _h.Clock, NullLogger<OpinionHistoryImporter>.Instance);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static Task<HistoryFile> FileAsync(string rows) =>
        HistoryFileReader.ReadAsync(HistoryFileReaderTests.Csv($"{HistoryFileReaderTests.Header}\n{rows}"), "board-export.csv");

    private const string TwoRows = """
        路灯不亮,幸福小区路灯坏了，电话13812345678,2025-03-05 10:22,幸福小区,住建局,7,已修复,2025-03-08 16:00,投诉,采纳
        公交太少,希望增开早班车,2025-04-01 07:00,城东,交通局,0,,,建议,
        """;

    [Fact]
    public async Task ImportAsync_AnsweredRow_BecomesAPublishedRecordWithItsOwnDatesAndNoDeadline()
    {
        var result = await _importer.ImportAsync(await FileAsync(TwoRows), new HistoryImportOptions(), _h.Admin);

        Assert.Equal((2, 0, 0), (result.Imported, result.Duplicates, result.Rejected));
        await using var db = _h.Database.CreateDbContext();
        var o = await db.Opinions.Include(x => x.Results).Include(x => x.Events).SingleAsync(x => x.Title == "路灯不亮");
        Assert.Equal(OpinionStatus.Published, o.Status);
        Assert.Equal(new DateTime(2025, 3, 5, 2, 22, 0), o.CreatedAt);
        Assert.Equal(new DateTime(2025, 3, 8, 8, 0, 0), o.CompletedAt);
        Assert.Null(o.Deadline);
        Assert.False(o.IsOverdue(_h.Now));
        Assert.Equal((_h.UrbanId, "幸福小区", 7, OpinionKind.Complaint), (o.DepartmentId, o.Area, o.ImportedSupportCount, o.Kind));
        Assert.Equal(result.BatchId, o.ImportBatchId);
        var reply = Assert.Single(o.Results);
        Assert.Equal(("已修复", Adoption.Adopted, "住建局"), (reply.ReplyText, reply.Adoption, reply.WrittenByName));
        Assert.DoesNotContain("13812345678", o.PublicBody, StringComparison.Ordinal);
        Assert.Contains("13812345678", o.Body, StringComparison.Ordinal);
        Assert.Equal(
            [OpinionAction.Submitted, OpinionAction.Completed, OpinionAction.Published, OpinionAction.Imported],
            o.Events.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Contains("board-export.csv", o.Events.Single(e => e.Action == OpinionAction.Imported).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_UnansweredRow_IsCompletedWithoutACompletionTime_AndNeverWaitsForModerators()
    {
        await _importer.ImportAsync(await FileAsync(TwoRows), new HistoryImportOptions(), _h.Admin);

        await using var db = _h.Database.CreateDbContext();
        var o = await db.Opinions.SingleAsync(x => x.Title == "公交太少");
        Assert.Equal((OpinionStatus.Completed, (DateTime?)null, _h.TransportId), (o.Status, o.CompletedAt, o.DepartmentId));
        Assert.Equal(0, (await _h.Queries.GetPageAsync(new OpinionPageRequest(OpinionListScope.ModerationQueue), _h.Moderator)).Total);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_ImportsNothingTheSecondTime()
    {
        var file = await FileAsync(TwoRows);
        await _importer.ImportAsync(file, new HistoryImportOptions(), _h.Admin);

        var preview = await _importer.PreviewAsync(file, _h.Admin);
        var again = await _importer.ImportAsync(file, new HistoryImportOptions(), _h.Admin);

        Assert.Equal(2, preview.AlreadyImported);
        Assert.Equal((0, 2), (again.Imported, again.Duplicates));
        await using var db = _h.Database.CreateDbContext();
        Assert.Equal(2, await db.Opinions.CountAsync());
        Assert.Equal(2, await db.OpinionImportBatches.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_SameMessageTwiceInOneFile_IsImportedOnce()
    {
        var row = "路灯不亮,路灯坏了,2025-03-05 10:22,,,,,,,";
        var result = await _importer.ImportAsync(await FileAsync($"{row}\n{row}\n"), new HistoryImportOptions(), _h.Admin);

        Assert.Equal((1, 1), (result.Imported, result.Duplicates));
    }

    [Fact]
    public async Task ImportAsync_UnknownDepartment_GoesWhereTheAdministratorMappedIt_OrNowhere()
    {
        var file = await FileAsync("""
            路灯,坏了,2025-01-01,,城管执法局,,,,,
            桥梁,裂缝,2025-01-02,,市政公司,,,,,
            """);
        var preview = await _importer.PreviewAsync(file, _h.Admin);
        var options = new HistoryImportOptions();
        options.DepartmentMap["城管执法局"] = _h.UrbanId;

        await _importer.ImportAsync(file, options, _h.Admin);

        Assert.Equal(["城管执法局", "市政公司"], preview.UnknownDepartments.Select(u => u.Name).Order());
        await using var db = _h.Database.CreateDbContext();
        Assert.Equal(_h.UrbanId, await db.Opinions.Where(o => o.Title == "路灯").Select(o => o.DepartmentId).SingleAsync());
        Assert.Null(await db.Opinions.Where(o => o.Title == "桥梁").Select(o => o.DepartmentId).SingleAsync());
    }

    [Fact]
    public async Task ImportAsync_LargeFile_CommitsInBatchesAndReportsProgressToTheEnd()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 1_200).Select(i => $"第{i}条,内容{i},2025-01-01 08:{i % 60:00},,,,,,,"));
        var reports = new List<HistoryImportProgress>();

        var result = await _importer.ImportAsync(await FileAsync(rows), new HistoryImportOptions(), _h.Admin, new SyncProgress(reports.Add));

        Assert.Equal(1_200, result.Imported);
        Assert.Equal([0, 500, 1_000, 1_200], reports.Select(r => r.RowsDone));
        Assert.All(reports, r => Assert.Equal(1_200, r.RowsTotal));
    }

    [Fact]
    public async Task ImportAsync_BadRows_AreCountedAndTheGoodOnesImported()
    {
        var result = await _importer.ImportAsync(await FileAsync("好,内容,2025-01-01,,,,,,,\n坏,,2025-01-01,,,,,,,\n"), new HistoryImportOptions(), _h.Admin);

        Assert.Equal((1, 1), (result.Imported, result.Rejected));
        await using var db = _h.Database.CreateDbContext();
        var batch = await db.OpinionImportBatches.SingleAsync();
        Assert.Equal((2, 1, 1, "管理员己"), (batch.RowsRead, batch.RowsImported, batch.RowsRejected, batch.ImportedByName));
    }

    [Fact]
    public async Task ImportAsync_ByAModerator_IsRefused()
    {
        var file = await FileAsync(TwoRows);

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _importer.ImportAsync(file, new HistoryImportOptions(), _h.Moderator));
    }

    [Fact]
    public async Task ImportAsync_PublishedRecords_AppearOnThePublicList_UnlessTheAdministratorSaidNo()
    {
        await _importer.ImportAsync(await FileAsync(TwoRows), new HistoryImportOptions { PublishAnswered = false }, _h.Admin);
        var hidden = await _h.Queries.GetPublishedAsync(new PublishedFilter());

        await _importer.ImportAsync(await FileAsync("修桥,桥坏了,2025-02-01,,,,已修好,2025-02-09,,"), new HistoryImportOptions(), _h.Admin);
        var shown = await _h.Queries.GetPublishedAsync(new PublishedFilter());

        Assert.Equal(0, hidden.Total);
        Assert.Equal("修桥", Assert.Single(shown.Items).Title);
    }

    private sealed class SyncProgress(Action<HistoryImportProgress> report) : IProgress<HistoryImportProgress>
    {
        public void Report(HistoryImportProgress value) => report(value);
    }
}
