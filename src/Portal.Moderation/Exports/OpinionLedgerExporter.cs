using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Exports;

/// <summary>
/// Exports the ledger (台账) of opinions as XLSX or CSV: every field, the latest handling result and rating, and
/// the history counts. It holds residents' contact details, so only leaders, moderators and admins may export it,
/// and every export is logged. Rows are read page by page, so a ledger of 100,000 opinions does not sit in memory.
/// </summary>
public sealed partial class OpinionLedgerExporter(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    ILogger<OpinionLedgerExporter> logger)
{
    private const int PageSize = 1_000;

    public static string ContentType(LedgerFormat format) =>
        format == LedgerFormat.Xlsx ? SpreadsheetCells.XlsxContentType : SpreadsheetCells.CsvContentType;

    public static string FileName(LedgerFormat format, DateOnly today) =>
        $"意见台账-{today:yyyyMMdd}.{(format == LedgerFormat.Xlsx ? "xlsx" : "csv")}";

    /// <summary>Writes the export to a temporary file that is deleted when the returned stream is closed.</summary>
    public async Task<Stream> ExportAsync(LedgerFilter filter, LedgerFormat format, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanSupervise)
            throw new WorkflowAccessDeniedException("只有领导、审核员和管理员可以导出台账。");

        var rows = 0;
        var file = await ExportFile.WriteAsync(output => Task.Run(() => rows = Write(output, filter, format, ct), ct), ct).ConfigureAwait(false);
        LogExported(logger, actor.UserId, format, rows, filter);
        return file;
    }

    /// <summary>The column titles, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "查询码", "类型", "渠道", "标题", "内容", "片区", "姓名", "联系方式", "匿名", "同意公开", "状态", "承办部门", "包案人",
        "提交时间", "受理时间", "交办时间", "办理时限", "办结时间", "公开时间", "按期办结", "采纳情况", "答复内容", "签发人",
        "满意度", "附议数（导入）", "交办次数", "退回次数", "重新办理次数", "历史记录条数", "来源",
    ];

    private int Write(Stream output, LedgerFilter filter, LedgerFormat format, CancellationToken ct)
    {
        using var db = dbFactory.CreateDbContext();
        var count = 0;
        IEnumerable<object?[]> Counted()
        {
            foreach (var row in Rows(db, filter, ct))
            {
                count++;
                yield return row;
            }
        }

        if (format == LedgerFormat.Xlsx)
            output.SaveAs(Counted().Select(ToDictionary), sheetName: "意见台账");
        else
            WriteCsv(output, Counted());
        return count;
    }

    private IEnumerable<object?[]> Rows(PortalDbContext db, LedgerFilter filter, CancellationToken ct)
    {
        var query = db.Opinions.AsNoTracking();
        if (filter.From is { } from)
        {
            var fromUtc = time.StartOf(from);
            query = query.Where(o => o.CreatedAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = time.EndOf(to);
            query = query.Where(o => o.CreatedAt < toUtc);
        }

        if (filter.DepartmentId is { } department)
            query = query.Where(o => o.DepartmentId == department);
        if (filter.Status is { } status)
            query = query.Where(o => o.Status == status);

        var lastId = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var after = lastId;
            var page = query.Where(o => o.Id > after).OrderBy(o => o.Id).Take(PageSize).Select(o => new LedgerRow(
                o.Id, o.TrackingCode, o.Kind, o.Channel, o.Title, o.Body, o.Area, o.ResidentName, o.ResidentContact, o.IsAnonymous,
                o.ConsentToPublish, o.Status, o.Department!.Name, o.CaseOwnerName, o.CreatedAt, o.RegisteredAt, o.AssignedAt, o.Deadline,
                o.CompletedAt, o.PublishedAt,
                o.Results.OrderByDescending(r => r.CompletedAt).Select(r => (Adoption?)r.Adoption).FirstOrDefault(),
                o.Results.OrderByDescending(r => r.CompletedAt).Select(r => r.ReplyText).FirstOrDefault(),
                o.Results.OrderByDescending(r => r.CompletedAt).Select(r => r.SignedOffBy).FirstOrDefault(),
                o.Ratings.OrderByDescending(r => r.Round).Select(r => (SatisfactionRating?)r.Rating).FirstOrDefault(),
                o.ImportedSupportCount,
                o.Events.Count(e => e.Action == OpinionAction.Assigned),
                o.ReturnCount, o.ReopenCount, o.Events.Count, o.ImportBatchId)).ToList();
            if (page.Count == 0)
                yield break;
            foreach (var row in page)
                yield return Cells(row);
            lastId = page[^1].Id;
        }
    }

    private object?[] Cells(LedgerRow r) =>
    [
        TrackingCodes.Format(r.TrackingCode), OpinionText.Of(r.Kind), OpinionText.Of(r.Channel), r.Title, r.Body, r.Area,
        r.ResidentName, r.ResidentContact, YesNo(r.IsAnonymous), YesNo(r.ConsentToPublish), OpinionText.Of(r.Status), r.Department, r.CaseOwner,
        Local(r.CreatedAt), Local(r.RegisteredAt), Local(r.AssignedAt), Local(r.Deadline), Local(r.CompletedAt), Local(r.PublishedAt),
        r.CompletedAt is { } done && r.Deadline is { } deadline ? YesNo(done <= deadline) : null,
        r.Adoption is { } a ? OpinionText.Of(a) : null, r.Reply, r.SignedOffBy, r.Rating is { } s ? OpinionText.Of(s) : null,
        r.ImportedSupports, r.Assignments, r.Returns, r.Reopens, r.Events, r.ImportBatchId is { } batch ? $"历史导入 #{batch}" : "本平台",
    ];

    private DateTime? Local(DateTime? utc) => utc is { } value ? time.ToLocal(value) : null;

    private static string YesNo(bool value) => value ? "是" : "否";

    private static Dictionary<string, object?> ToDictionary(object?[] cells)
    {
        var row = new Dictionary<string, object?>(cells.Length, StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
            row[Columns[i]] = cells[i] is string s ? SpreadsheetCells.Escape(s) : cells[i];
        return row;
    }

    private static void WriteCsv(Stream output, IEnumerable<object?[]> rows)
    {
        // UTF-8 with a byte-order mark: Excel on Chinese Windows then reads the text as UTF-8, not GBK.
        output.Write(SpreadsheetCells.Utf8Bom);
        using var writer = new StreamWriter(output, SpreadsheetCells.Utf8, 65_536, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(SpreadsheetCells.CsvLine(Columns));
        foreach (var cells in rows)
            writer.WriteLine(SpreadsheetCells.CsvLine(cells.Select(CsvText)));
    }

    private static string? CsvText(object? cell) => cell switch
    {
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell?.ToString(),
    };

    private sealed record LedgerRow(
        int Id, string TrackingCode, OpinionKind Kind, OpinionChannel Channel, string Title, string Body, string? Area,
        string? ResidentName, string? ResidentContact, bool IsAnonymous, bool ConsentToPublish, OpinionStatus Status,
        string? Department, string? CaseOwner, DateTime CreatedAt, DateTime? RegisteredAt, DateTime? AssignedAt, DateTime? Deadline,
        DateTime? CompletedAt, DateTime? PublishedAt, Adoption? Adoption, string? Reply, string? SignedOffBy, SatisfactionRating? Rating,
        int ImportedSupports, int Assignments, int Returns, int Reopens, int Events, int? ImportBatchId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger exported by {UserId} as {Format}: {Rows} rows, filter {Filter}")]
    private static partial void LogExported(ILogger logger, string userId, LedgerFormat format, int rows, LedgerFilter filter);
}
