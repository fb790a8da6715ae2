using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Privacy;
using Portal.Moderation.Staff;

namespace Portal.Moderation.History;

/// <summary>
/// Imports opinions from an earlier message board (台账 history) so that trends and hot issues start with the past.
/// Imported opinions are finished records with their own dates; they never get a deadline or a supervision notice.
/// Rows are written in batches, each batch in one transaction: a failure leaves whole batches, never half a row set,
/// and a re-import skips every message already in the ledger (by <see cref="Opinion.ImportKey"/>), so an interrupted
/// import is finished by importing the same file again.
/// </summary>
public sealed partial class OpinionHistoryImporter(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    TimeProvider clock,
    ILogger<OpinionHistoryImporter> logger)
{
    /// <summary>Rows per transaction.</summary>
    public const int BatchSize = 500;

    /// <summary>What importing <paramref name="file"/> would do: duplicates, unknown departments, time span.</summary>
    public async Task<HistoryPreview> PreviewAsync(HistoryFile file, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var known = await DepartmentsByNameAsync(db, ct).ConfigureAwait(false);
        var duplicates = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in file.Rows.Chunk(BatchSize))
        {
            var keys = chunk.Select(KeyOf).ToList();
            var existing = await ExistingKeysAsync(db, keys, ct).ConfigureAwait(false);
            duplicates += keys.Count(k => existing.Contains(k) || !seen.Add(k));
        }

        var unknown = file.Rows.Where(r => r.DepartmentName is { } name && !known.ContainsKey(name))
            .GroupBy(r => r.DepartmentName!, StringComparer.Ordinal)
            .Select(g => new UnknownDepartment(g.Key, g.Count()))
            .OrderByDescending(u => u.Rows).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        return new HistoryPreview(
            file.Rows.Count,
            duplicates,
            unknown,
            file.Rows.Count == 0 ? null : file.Rows.Min(r => r.SubmittedLocal),
            file.Rows.Count == 0 ? null : file.Rows.Max(r => r.SubmittedLocal),
            file.Rows.Count(r => r.Reply is not null));
    }

    /// <summary>Imports the valid rows of <paramref name="file"/>, reporting progress after each committed batch.</summary>
    public async Task<HistoryImportResult> ImportAsync(
        HistoryFile file, HistoryImportOptions options, StaffActor actor, IProgress<HistoryImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        RequireAdmin(actor);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        // One connection for the whole import instead of one per query and batch.
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var departments = await DepartmentsByNameAsync(db, ct).ConfigureAwait(false);
        var batch = OpinionImportBatch.Start(file.FileName, file.FileSha256, file.DataRows, actor.Ref, now);
        db.OpinionImportBatches.Add(batch);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var done = 0;
        progress?.Report(new HistoryImportProgress(0, file.Rows.Count));
        foreach (var chunk in file.Rows.Chunk(BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            var keyed = chunk.Select(r => (Row: r, Key: KeyOf(r))).ToList();
            var existing = await ExistingKeysAsync(db, keyed.Select(k => k.Key).ToList(), ct).ConfigureAwait(false);
            var fresh = keyed.Where(k => !existing.Contains(k.Key) && seen.Add(k.Key)).ToList();
            var codes = await NewTrackingCodesAsync(db, fresh.Count, ct).ConfigureAwait(false);

            for (var i = 0; i < fresh.Count; i++)
            {
                var (row, key) = fresh[i];
                var note = $"导入自“{file.FileName}”第 {row.LineNumber} 行";
                db.Opinions.Add(Opinion.ImportHistoric(ToHistoric(row, key, departments, options), codes[i], batch.Id, note, actor.Ref, now));
            }

            // One SaveChanges is one transaction: the batch's rows and its counts are stored together or not at all.
            batch.Record(fresh.Count, keyed.Count - fresh.Count);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            db.Attach(batch);
            done += chunk.Length;
            progress?.Report(new HistoryImportProgress(done, file.Rows.Count));
        }

        batch.Finish(file.Errors.Count, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogImported(logger, batch.Id, file.FileName, batch.RowsImported, batch.RowsDuplicate, batch.RowsRejected, actor.UserId);
        return new HistoryImportResult(batch.Id, batch.RowsImported, batch.RowsDuplicate, batch.RowsRejected);
    }

    /// <summary>The same message (title, body, time to the minute) gets the same key in every file.</summary>
    internal static string KeyOf(HistoryRow row)
    {
        var text = $"{row.Title}\n{row.Body}\n{row.SubmittedLocal:yyyy-MM-ddTHH:mm}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private HistoricOpinion ToHistoric(HistoryRow row, string key, Dictionary<string, (int Id, string Name)> departments, HistoryImportOptions options)
    {
        (int Id, string Name)? department = null;
        if (row.DepartmentName is { } name)
        {
            if (departments.TryGetValue(name, out var known))
                department = known;
            else if (options.DepartmentMap.TryGetValue(name, out var mapped) && mapped is { } mappedId)
                department = departments.Values.FirstOrDefault(d => d.Id == mappedId);
        }

        var submitted = time.ToUtc(row.SubmittedLocal);
        return new HistoricOpinion(
            key,
            row.Title,
            row.Body,
            submitted,
            row.Kind ?? options.DefaultKind,
            options.Channel,
            row.Area,
            department?.Id,
            row.Supports,
            row.Reply,
            row.RepliedLocal is { } replied ? time.ToUtc(replied) : null,
            row.Adoption ?? Adoption.Explained,
            department?.Name ?? "原系统",
            options.PublishAnswered,
            PersonalDataMasker.Mask(row.Title),
            PersonalDataMasker.Mask(row.Body),
            row.Reply is null ? null : PersonalDataMasker.Mask(row.Reply));
    }

    private static async Task<Dictionary<string, (int Id, string Name)>> DepartmentsByNameAsync(PortalDbContext db, CancellationToken ct)
    {
        var all = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(ct).ConfigureAwait(false);
        return all.ToDictionary(d => d.Name, d => (d.Id, d.Name), StringComparer.Ordinal);
    }

    private static async Task<HashSet<string>> ExistingKeysAsync(PortalDbContext db, List<string> keys, CancellationToken ct)
    {
        var found = await db.Opinions.AsNoTracking().Where(o => o.ImportKey != null && keys.Contains(o.ImportKey))
            .Select(o => o.ImportKey!).ToListAsync(ct).ConfigureAwait(false);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<List<string>> NewTrackingCodesAsync(PortalDbContext db, int count, CancellationToken ct)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < count)
        {
            var candidates = Enumerable.Range(0, count - codes.Count).Select(_ => TrackingCodes.New()).Where(c => !codes.Contains(c)).ToList();
            var taken = await db.Opinions.AsNoTracking().Where(o => candidates.Contains(o.TrackingCode)).Select(o => o.TrackingCode)
                .ToListAsync(ct).ConfigureAwait(false);
            codes.UnionWith(candidates.Except(taken));
        }

        return [.. codes];
    }

    private static void RequireAdmin(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(Data.Staff.StaffRoles.Admin))
            throw new WorkflowAccessDeniedException("只有管理员可以导入历史数据。");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History import {BatchId} of {FileName}: {Imported} imported, {Duplicates} duplicates, {Rejected} rejected, by {UserId}")]
    private static partial void LogImported(ILogger logger, int batchId, string fileName, int imported, int duplicates, int rejected, string userId);
}
