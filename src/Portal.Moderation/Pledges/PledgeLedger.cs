using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Moderation.Exports;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Pledges;

/// <summary>The filters of a ledger export; all optional.</summary>
public sealed record PledgeLedgerFilter(int? Year = null, string? Branch = null, PledgeStatus? Status = null);

/// <summary>One pledge in the ledger (台账), with its counts and evaluation.</summary>
public sealed record PledgeLedgerRow(
    int Id, int Year, string Branch, string OwnerName, PledgeKind Kind, string Title, string Content, string? Area,
    DateOnly DueDate, PledgeStatus Status, DateTime CreatedAt, DateTime? PublishedAt, DateTime? FulfilledAt, string? FulfilmentNote,
    int ProgressCount, int Satisfied, int BasicallySatisfied, int Dissatisfied, PledgeGrade? SelfGrade, int PeerCount,
    PledgeGrade? LeaderGrade, string? LeaderComment, decimal? Score, PledgeGrade? Grade, DateTime? EvaluatedAt);

/// <summary>
/// The pledge ledger (承诺台账) as XLSX or CSV (UTF-8 with BOM) for staff: every field, the progress count, the
/// rating distribution and the evaluation. Text goes through <see cref="SpreadsheetCells"/>. Moderators,
/// administrators and leaders export every branch; a branch secretary only their own.
/// </summary>
public sealed class PledgeLedger(IDbContextFactory<PortalDbContext> dbFactory, DeadlinePolicy time)
{
    public const string XlsxContentType = SpreadsheetCells.XlsxContentType;
    public const string CsvContentType = SpreadsheetCells.CsvContentType;
    public const string SheetName = "承诺台账";

    private static readonly (string Header, Func<PledgeLedgerRow, DeadlinePolicy, object?> Value)[] Columns =
    [
        ("编号", (r, _) => r.Id),
        ("年度", (r, _) => r.Year),
        ("党支部/单位", (r, _) => r.Branch),
        ("承诺人", (r, _) => r.OwnerName),
        ("类型", (r, _) => PledgeText.Of(r.Kind)),
        ("承诺事项", (r, _) => r.Title),
        ("承诺内容", (r, _) => r.Content),
        ("区域", (r, _) => r.Area),
        ("完成时限", (r, _) => Day(r.DueDate)),
        ("状态", (r, _) => PledgeText.Of(r.Status)),
        ("提出时间", (r, t) => Time(r.CreatedAt, t)),
        ("公示时间", (r, t) => Time(r.PublishedAt, t)),
        ("践诺时间", (r, t) => Time(r.FulfilledAt, t)),
        ("践诺情况", (r, _) => r.FulfilmentNote),
        ("进展条数", (r, _) => r.ProgressCount),
        ("满意", (r, _) => r.Satisfied),
        ("基本满意", (r, _) => r.BasicallySatisfied),
        ("不满意", (r, _) => r.Dissatisfied),
        ("测评人数", (r, _) => r.Satisfied + r.BasicallySatisfied + r.Dissatisfied),
        ("自评等次", (r, _) => Grade(r.SelfGrade)),
        ("互评人数", (r, _) => r.PeerCount),
        ("领导点评等次", (r, _) => Grade(r.LeaderGrade)),
        ("领导评语", (r, _) => r.LeaderComment),
        ("综合得分", (r, _) => r.Score),
        ("评议等次", (r, _) => Grade(r.Grade)),
        ("评议时间", (r, t) => Time(r.EvaluatedAt, t)),
    ];

    public static IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Header).ToList();

    /// <summary>The rows the actor may export, by year, branch and id.</summary>
    public async Task<IReadOnlyList<PledgeLedgerRow>> GetRowsAsync(PledgeLedgerFilter filter, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Pledges.AsNoTracking();
        if (!PledgeAccess.SeesAllBranches(actor))
        {
            var membership = await PartyMembership.OfAsync(db, actor.UserId, ct).ConfigureAwait(false);
            if (!membership.IsSecretary)
                throw new WorkflowAccessDeniedException("只有党支部书记、审核员、领导或管理员可以导出承诺台账。");
            query = query.Where(p => p.Branch == membership.Branch);
        }

        if (filter.Year is { } year)
            query = query.Where(p => p.Year == year);
        if (TextInput.Clean(filter.Branch) is { } branch)
            query = query.Where(p => p.Branch == branch);
        if (filter.Status is { } status)
            query = query.Where(p => p.Status == status);
        var rows = await query.OrderBy(p => p.Year).ThenBy(p => p.Branch).ThenBy(p => p.Id)
            .Select(p => new PledgeLedgerRow(p.Id, p.Year, p.Branch, p.OwnerName, p.Kind, p.Title, p.Content, p.Area, p.DueDate, p.Status,
                p.CreatedAt, p.PublishedAt, p.FulfilledAt, p.FulfilmentNote, p.Progress.Count,
                p.Ratings.Count(r => r.Rating == SatisfactionRating.Satisfied),
                p.Ratings.Count(r => r.Rating == SatisfactionRating.BasicallySatisfied),
                p.Ratings.Count(r => r.Rating == SatisfactionRating.Dissatisfied),
                p.Assessments.Where(a => a.Kind == PledgeAssessmentKind.Self).Select(a => (PledgeGrade?)a.Grade).FirstOrDefault(),
                p.Assessments.Count(a => a.Kind == PledgeAssessmentKind.Peer),
                p.Assessments.Where(a => a.Kind == PledgeAssessmentKind.Leader).Select(a => (PledgeGrade?)a.Grade).FirstOrDefault(),
                p.LeaderComment, p.Score, p.Grade, p.EvaluatedAt))
            .ToListAsync(ct).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Writes the rows as CSV, a line at a time: the BOM, the header line, one line per pledge (CRLF).</summary>
    public async Task WriteCsvAsync(Stream output, IEnumerable<PledgeLedgerRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        await output.WriteAsync(SpreadsheetCells.Utf8Bom.ToArray(), ct).ConfigureAwait(false);
        await using var writer = new StreamWriter(output, SpreadsheetCells.Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(SpreadsheetCells.CsvLine(Headers).AsMemory(), ct).ConfigureAwait(false);
        foreach (var row in rows)
            await writer.WriteLineAsync(SpreadsheetCells.CsvLine(Columns.Select(c => Text(c.Value(row, time)))).AsMemory(), ct).ConfigureAwait(false);
        await writer.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Writes the rows as one worksheet 承诺台账: numbers as numbers, text escaped.</summary>
    public async Task WriteXlsxAsync(Stream output, IEnumerable<PledgeLedgerRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        var sheet = rows.Select(row => Columns.ToDictionary(c => c.Header, c => c.Value(row, time) switch
        {
            null => (object)"",
            string s => SpreadsheetCells.Escape(s),
            var v => v,
        })).ToList();
        if (sheet.Count > 0)
        {
            await MiniExcel.SaveAsAsync(output, sheet, sheetName: SheetName, cancellationToken: ct).ConfigureAwait(false);
            return;
        }

        // No rows: still a header line, so the file says what it would hold.
        using var empty = new System.Data.DataTable(SheetName) { Locale = CultureInfo.InvariantCulture };
        foreach (var header in Headers)
            empty.Columns.Add(header, typeof(string));
        await MiniExcel.SaveAsAsync(output, empty, sheetName: SheetName, cancellationToken: ct).ConfigureAwait(false);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(DateTime? utc, DeadlinePolicy time) =>
        utc is { } t ? time.ToLocal(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;

    private static string? Grade(PledgeGrade? grade) => grade is { } g ? PledgeText.Of(g) : null;
}
