using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Briefings;
using Portal.Data.Opinions;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Analysis.Briefings;

/// <summary>
/// Generates, stores and reads the periodic briefings (研判报告). One briefing per kind and period: asking
/// again (the scheduler after a restart, a leader, or both at once) returns the one already stored.
/// </summary>
public sealed partial class BriefingService(
    IDbContextFactory<PortalDbContext> dbFactory,
    StatisticsQueries statistics,
    IBriefingHotIssueSource hotIssues,
    DeadlinePolicy deadlines,
    TimeProvider clock,
    ILogger<BriefingService> logger)
{
    public const string ScheduledBy = "定时生成";
    public const int TopHotIssues = 10;
    public const int MaxAdoptedSuggestions = 10;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The briefing of the period, generated now unless it exists. Returns its id.</summary>
    public async Task<int> GenerateAsync(BriefingKind kind, DateRange period, string generatedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (BriefingSchedule.PeriodContaining(kind, period.From) != period)
            throw new ArgumentException("报告周期必须是完整的一周（周一至周日）或一个自然月。", nameof(period));
        if (!BriefingSchedule.HasEnded(period, statistics.Today()))
            throw new ArgumentException("只能为已经结束的周期生成报告（本期尚未结束）。", nameof(period));
        if (await FindAsync(kind, period, ct).ConfigureAwait(false) is { } existing)
            return existing;

        var content = await BuildAsync(period, ct).ConfigureAwait(false);
        var briefing = Briefing.Create(kind, period.From, period.To, generatedBy, JsonSerializer.Serialize(content, Json), clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        db.Briefings.Add(briefing);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Someone else stored the same period a moment earlier: theirs stands.
            if (await FindAsync(kind, period, ct).ConfigureAwait(false) is { } raced)
                return raced;
            throw;
        }

        LogGenerated(logger, kind, period.From, briefing.Id);
        return briefing.Id;
    }

    /// <summary>Generates the latest due week and month if missing (the scheduler's step; safe to repeat).</summary>
    public async Task<int> GenerateDueAsync(CancellationToken ct = default)
    {
        var localNow = deadlines.ToLocal(clock.GetUtcNow().UtcDateTime);
        var made = 0;
        foreach (var kind in new[] { BriefingKind.Weekly, BriefingKind.Monthly })
        {
            var period = BriefingSchedule.LatestDue(kind, localNow);
            if (await FindAsync(kind, period, ct).ConfigureAwait(false) is null)
            {
                await GenerateAsync(kind, period, ScheduledBy, ct).ConfigureAwait(false);
                made++;
            }
        }

        return made;
    }

    public async Task<IReadOnlyList<BriefingListItem>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Briefings.AsNoTracking()
            .OrderByDescending(b => b.PeriodStart).ThenBy(b => b.Kind)
            .Select(b => new { b.Id, b.Kind, b.PeriodStart, b.PeriodEnd, b.GeneratedAt, b.GeneratedBy })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(b => new BriefingListItem(b.Id, b.Kind, b.PeriodStart, b.PeriodEnd, deadlines.ToLocal(b.GeneratedAt), b.GeneratedBy))];
    }

    public async Task<BriefingDocument?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var briefing = await db.Briefings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct).ConfigureAwait(false);
        if (briefing is null)
            return null;
        var content = JsonSerializer.Deserialize<BriefingContent>(briefing.ContentJson, Json)
            ?? throw new InvalidDataException($"Briefing {id} has no content.");
        return new BriefingDocument(briefing.Id, briefing.Kind, deadlines.ToLocal(briefing.GeneratedAt), briefing.GeneratedBy, content);
    }

    private async Task<int?> FindAsync(BriefingKind kind, DateRange period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Briefings.AsNoTracking().Where(b => b.Kind == kind && b.PeriodStart == period.From)
            .Select(b => (int?)b.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    private async Task<BriefingContent> BuildAsync(DateRange period, CancellationToken ct)
    {
        var filter = new StatisticsFilter(period);
        var figures = await statistics.GetFiguresAsync(filter, overdueAtPeriodEnd: true, ct).ConfigureAwait(false);
        var satisfaction = await statistics.GetSatisfactionAsync(filter, ct).ConfigureAwait(false);
        var hot = await hotIssues.GetTopHotIssuesAsync(period, TopHotIssues, ct).ConfigureAwait(false);
        var spikes = await hotIssues.GetSpikesAsync(period, ct).ConfigureAwait(false);
        var range = statistics.ToUtc(period);

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct).ConfigureAwait(false);
        var hotSpots = await OverdueHotSpotsAsync(db, range, names, ct).ConfigureAwait(false);
        var adopted = await AdoptedSuggestionsAsync(db, range, names, ct).ConfigureAwait(false);
        return new BriefingContent(period, figures.PreviousPeriod, figures.Current, figures.Previous, hot, spikes, hotSpots, satisfaction, adopted);
    }

    private static async Task<IReadOnlyList<OverdueHotSpot>> OverdueHotSpotsAsync(PortalDbContext db, UtcRange range, Dictionary<int, string> names, CancellationToken ct)
    {
        var all = db.Opinions.AsNoTracking().Where(o => o.DepartmentId != null);
        var overdue = await StatisticsSql.OverdueAt(all, range.To)
            .GroupBy(o => o.DepartmentId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct).ConfigureAwait(false);
        var completed = await StatisticsSql.CompletedIn(all, range)
            .GroupBy(o => o.DepartmentId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count(), Late = g.Count(o => o.Deadline == null || o.CompletedAt > o.Deadline) })
            .ToDictionaryAsync(x => x.Id, ct).ConfigureAwait(false);
        return [.. overdue.Keys.Union(completed.Keys)
            .Select(id => new OverdueHotSpot(names.GetValueOrDefault(id, "未知部门"), overdue.GetValueOrDefault(id),
                completed.GetValueOrDefault(id)?.Late ?? 0, completed.GetValueOrDefault(id)?.Count ?? 0))
            .Where(h => h.OverdueAtEnd + h.CompletedLate > 0)
            .OrderByDescending(h => h.OverdueAtEnd + h.CompletedLate).ThenBy(h => h.Department, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<AdoptedSuggestion>> AdoptedSuggestionsAsync(PortalDbContext db, UtcRange range, Dictionary<int, string> names, CancellationToken ct)
    {
        var rows = await (
                from o in StatisticsSql.CompletedIn(db.Opinions.AsNoTracking(), range)
                where o.Kind == OpinionKind.Suggestion
                join r in db.HandlingResults.AsNoTracking() on o.Id equals r.OpinionId
                where r.Round == o.ReopenCount + 1 && (r.Adoption == Adoption.Adopted || r.Adoption == Adoption.PartlyAdopted)
                orderby r.Adoption, o.CompletedAt descending
                select new { o.TrackingCode, Title = o.PublicTitle ?? o.Title, o.DepartmentId, r.Adoption, CompletedAt = o.CompletedAt!.Value })
            .Take(MaxAdoptedSuggestions)
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new AdoptedSuggestion(TrackingCodes.Format(r.TrackingCode), r.Title,
            r.DepartmentId is { } d ? names.GetValueOrDefault(d, "未知部门") : "未交办", r.Adoption, DateOnly.FromDateTime(deadlines.ToLocal(r.CompletedAt))))];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Briefing {Kind} for the period from {PeriodStart} generated as {BriefingId}")]
    private static partial void LogGenerated(ILogger logger, BriefingKind kind, DateOnly periodStart, int briefingId);
}
