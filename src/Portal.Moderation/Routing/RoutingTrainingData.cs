using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Moderation.Routing.Import;

namespace Portal.Moderation.Routing;

/// <summary>
/// Gathers the router's training data: the built-in seed corpus, messages imported by administrators, and
/// the portal's own history — every opinion a department accepted (in progress, completed or published),
/// labelled with that department's category. A department returning an opinion removes its label; the
/// moderator's re-assignment, once accepted, supplies the right one.
/// </summary>
public static class RoutingTrainingData
{
    private const string SeedResource = "Portal.Moderation.Routing.seed-corpus.tsv";

    private static readonly OpinionStatus[] Confirmed = [OpinionStatus.InProgress, OpinionStatus.Completed, OpinionStatus.Published];

    /// <summary>The project's own seed corpus (written for this portal; about 70 messages per department).</summary>
    public static IReadOnlyList<LabelledMessage> SeedCorpus()
    {
        using var stream = typeof(RoutingTrainingData).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"Embedded resource {SeedResource} is missing.");
        return RoutingDataReader.Read(stream, "seed-corpus.tsv").Messages;
    }

    public static async Task<TrainingDataSummary> LoadAsync(PortalDbContext db, bool includeSeed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var activeLabels = await db.Departments.AsNoTracking().Where(d => d.IsActive).Select(d => d.Category).Distinct()
            .ToListAsync(ct).ConfigureAwait(false);
        var labels = activeLabels.ToHashSet(StringComparer.Ordinal);

        var seed = includeSeed ? SeedCorpus().Where(m => labels.Contains(m.Label)).ToList() : [];
        var imported = await db.RoutingExamples.AsNoTracking()
            .Select(e => new LabelledMessage(e.Title, e.Body, e.Label)).ToListAsync(ct).ConfigureAwait(false);
        var history = await db.Opinions.AsNoTracking()
            .Where(o => o.DepartmentId != null && Confirmed.Contains(o.Status) && o.Department!.IsActive)
            .Select(o => new LabelledMessage(o.Title, o.Body, o.Department!.Category)).ToListAsync(ct).ConfigureAwait(false);
        imported = [.. imported.Where(m => labels.Contains(m.Label))];
        return new TrainingDataSummary([.. seed, .. imported, .. history], seed.Count, imported.Count, history.Count);
    }
}

/// <param name="Messages">All training messages.</param>
/// <param name="SeedCount">From the built-in seed corpus.</param>
/// <param name="ImportedCount">Imported by administrators.</param>
/// <param name="HistoryCount">Opinions departments accepted.</param>
public sealed record TrainingDataSummary(IReadOnlyList<LabelledMessage> Messages, int SeedCount, int ImportedCount, int HistoryCount);
