using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Moderation.Opinions;
using Portal.Data.Routing;
using Portal.Moderation.DataFiles;
using Portal.Moderation.Routing.Import;
using Portal.Data.Staff;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Routing;

/// <summary>
/// The administrator's routing workspace: settings, imports of labelled history, the model registry
/// (activate, roll back) and the router's figures over time. Training runs in <see cref="RouterTrainingJob"/>.
/// </summary>
public sealed class RoutingAdminService(
    IDbContextFactory<PortalDbContext> dbFactory, RouterRegistry registry, RouterHost host, RoutingCatalog catalog, DeadlinePolicy calendar, TimeProvider clock,
    StaffAudit audit)
{
    public RouterStatus Status => host.Status;

    public async Task<RoutingSettings> GetSettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.RoutingSettings.AsNoTracking().SingleOrDefaultAsync(ct).ConfigureAwait(false) ?? new RoutingSettings();
    }

    /// <param name="thresholdOverride">Null uses the active model's evaluated threshold.</param>
    /// <param name="expectedVersion">The <see cref="RoutingSettings.Version"/> the administrator saw.</param>
    /// <exception cref="ConcurrentEditException">Another administrator saved the settings meanwhile.</exception>
    public async Task UpdateSettingsAsync(RoutingMode mode, float? thresholdOverride, int expectedVersion, StaffActor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode));
        if (thresholdOverride is < 0 or > 1)
            throw new RoutingAdminException("阈值必须在 0 到 1 之间。");
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var settings = await db.RoutingSettings.SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (settings is null)
        {
            settings = new RoutingSettings();
            db.RoutingSettings.Add(settings);
        }

        if (settings.Version != expectedVersion)
            throw new ConcurrentEditException();
        settings.Mode = mode;
        settings.ThresholdOverride = thresholdOverride;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        settings.Version++;
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or DbUpdateException { InnerException: Microsoft.Data.Sqlite.SqliteException })
        {
            // A newer version saved meanwhile, or the first row inserted by someone else at the same moment.
            throw new ConcurrentEditException(ConcurrentEditException.DefaultMessage, ex);
        }

        catalog.Invalidate();
        audit.Record(actor, "routing.settings", $"mode={mode}");
    }

    public async Task<IReadOnlyList<RoutingModelView>> ListModelsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.RoutingModels.AsNoTracking().OrderByDescending(m => m.Version).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(m => new RoutingModelView(
            m.Id, m.Version, m.TrainedAt, m.TrainedBy, m.ExampleCount, m.MacroF1, m.Accuracy, m.Threshold, m.CoverageAtThreshold,
            m.IsActive, m.ActivatedAt, JsonSerializer.Deserialize<ModelReport>(m.ReportJson, RouterModel.JsonOptions)))];
    }

    public async Task ActivateAsync(int modelId, StaffActor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await registry.ActivateAsync(modelId, ct).ConfigureAwait(false);
        audit.Record(actor, "routing.model.activate", modelId);
    }

    public async Task<int?> RollBackAsync(StaffActor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        var version = await registry.RollBackAsync(ct).ConfigureAwait(false);
        audit.Record(actor, "routing.model.rollback", version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
        return version;
    }

    /// <summary>Reads an uploaded file and proposes how its labels map to departments; stores nothing.</summary>
    /// <exception cref="DataFileFormatException">The file cannot be imported (message in Chinese).</exception>
    public async Task<ImportPreview> PreviewImportAsync(Stream file, string fileName, CancellationToken ct = default)
    {
        var data = await RoutingDataReader.ReadAsync(file, fileName, ct).ConfigureAwait(false);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).ToListAsync(ct).ConfigureAwait(false);
        var labels = data.Messages.GroupBy(m => m.Label, StringComparer.Ordinal)
            .Select(g => new ImportLabel(g.Key, g.Count(), departments.FirstOrDefault(d =>
                d.Category == g.Key || d.Name == g.Key || string.Equals(d.Code, g.Key, StringComparison.OrdinalIgnoreCase))?.Id))
            .OrderByDescending(l => l.Count).ToList();
        return new ImportPreview(Path.GetFileName(fileName), data, labels);
    }

    /// <summary>
    /// Stores the previewed messages with their labels mapped to departments; labels mapped to null are
    /// skipped. Returns how many were imported and skipped, by label.
    /// </summary>
    public async Task<ImportReport> ImportAsync(ImportPreview preview, IReadOnlyDictionary<string, int?> mapping, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(mapping);
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var categories = await db.Departments.AsNoTracking().Where(d => d.IsActive).ToDictionaryAsync(d => d.Id, d => d.Category, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var source = $"{preview.FileName}（{calendar.ToLocal(now):yyyy-MM-dd HH:mm}）";
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var imported = 0;
        foreach (var message in preview.Data.Messages)
        {
            if (mapping.GetValueOrDefault(message.Label) is not { } departmentId || !categories.TryGetValue(departmentId, out var category))
            {
                skipped[message.Label] = skipped.GetValueOrDefault(message.Label) + 1;
                continue;
            }

            db.RoutingExamples.Add(new RoutingExample
            {
                Title = Truncate(message.Title, RoutingExample.MaxTitleLength),
                Body = Truncate(message.Body, RoutingExample.MaxBodyLength),
                Label = category,
                Source = Truncate(source, RoutingExample.MaxSourceLength),
                ImportedAt = now,
            });
            imported++;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        audit.Record(actor, "routing.import", $"{imported} examples");
        return new ImportReport(source, imported, skipped, preview.Data.Skipped.Count);
    }

    public async Task<IReadOnlyList<ImportSource>> ListImportsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        // Ordered before the projection into the record: EF cannot translate ordering by a record's member.
        var rows = await db.RoutingExamples.AsNoTracking().GroupBy(e => e.Source)
            .Select(g => new { Source = g.Key, Count = g.Count(), ImportedAt = g.Max(e => e.ImportedAt) })
            .OrderByDescending(s => s.ImportedAt).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new ImportSource(r.Source, r.Count, r.ImportedAt))];
    }

    public async Task<int> DeleteImportAsync(string source, StaffActor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.RoutingExamples.Where(e => e.Source == source).ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Training data available now, by origin.</summary>
    public async Task<TrainingDataSummary> GetTrainingDataAsync(bool includeSeed, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await RoutingTrainingData.LoadAsync(db, includeSeed, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The router's figures by month of first assignment: how often moderators kept its suggestion, how
    /// often it assigned by itself, and how often departments returned an opinion as not theirs.
    /// </summary>
    public async Task<IReadOnlyList<RoutingMonth>> GetMonthlyFiguresAsync(int months = 12, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddMonths(-months);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Opinions.AsNoTracking().Where(o => o.FirstAssignedAt != null && o.FirstAssignedAt >= since)
            .Select(o => new { o.FirstAssignedAt, o.SuggestedDepartmentId, o.InitialDepartmentId, o.AssignedByRouter, o.ReturnCount })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows
            .GroupBy(r => calendar.ToLocal(r.FirstAssignedAt!.Value).ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var suggested = g.Where(r => r.SuggestedDepartmentId != null).ToList();
                return new RoutingMonth(
                    g.Key,
                    g.Count(),
                    suggested.Count,
                    suggested.Count == 0 ? null : (double)suggested.Count(r => r.SuggestedDepartmentId == r.InitialDepartmentId) / suggested.Count,
                    (double)g.Count(r => r.AssignedByRouter) / g.Count(),
                    (double)g.Count(r => r.ReturnCount > 0) / g.Count());
            })];
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;

    private static void RequireAdmin(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(StaffRoles.Admin))
            throw new WorkflowAccessDeniedException("只有系统管理员可以管理分类模型。");
    }
}

/// <summary>A model in the registry, with its stored evaluation report.</summary>
public sealed record RoutingModelView(
    int Id, int Version, DateTime TrainedAt, string TrainedBy, int ExampleCount, double MacroF1, double Accuracy,
    float Threshold, double CoverageAtThreshold, bool IsActive, DateTime? ActivatedAt, ModelReport? Report);

/// <param name="Label">The label as written in the file.</param>
/// <param name="Count">Messages with it.</param>
/// <param name="DepartmentId">The department it maps to by category, name or code; null when unknown.</param>
public sealed record ImportLabel(string Label, int Count, int? DepartmentId);

public sealed record ImportPreview(string FileName, RoutingDataSet Data, IReadOnlyList<ImportLabel> Labels);

/// <param name="Source">The name the import is stored under.</param>
/// <param name="Imported">Messages stored.</param>
/// <param name="SkippedByLabel">Messages not stored because their label was not mapped.</param>
/// <param name="UnreadableRows">Rows the reader could not use (see the preview).</param>
public sealed record ImportReport(string Source, int Imported, IReadOnlyDictionary<string, int> SkippedByLabel, int UnreadableRows);

public sealed record ImportSource(string Source, int Count, DateTime ImportedAt);

/// <param name="Month">yyyy-MM (local time).</param>
/// <param name="Assigned">Opinions first assigned that month.</param>
/// <param name="WithSuggestion">Of those, opinions the router had a suggestion for.</param>
/// <param name="AcceptanceRate">Share of suggestions the first assignment followed.</param>
/// <param name="AutoAssignedRate">Share assigned by the router itself.</param>
/// <param name="ReassignedRate">Share returned by a department at least once.</param>
public sealed record RoutingMonth(string Month, int Assigned, int WithSuggestion, double? AcceptanceRate, double AutoAssignedRate, double ReassignedRate);

/// <summary>A routing administration request that cannot be carried out (message in Chinese).</summary>
public sealed class RoutingAdminException : Exception
{
    public RoutingAdminException()
    {
    }

    public RoutingAdminException(string message)
        : base(message)
    {
    }

    public RoutingAdminException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
