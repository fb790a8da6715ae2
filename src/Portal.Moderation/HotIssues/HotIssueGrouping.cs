using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.HotIssues;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation.Staff;

namespace Portal.Moderation.HotIssues;

/// <summary>
/// Keeps the hot-issue groups up to date: <see cref="GroupPendingAsync"/> places every registered opinion
/// that is in no group yet (incremental, run in the background after changes), <see cref="RebuildAsync"/>
/// regroups a window for an administrator. One run at a time (a singleton with a gate).
/// </summary>
public sealed partial class HotIssueGrouping(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<HotIssueOptions> options,
    TimeProvider clock,
    ILogger<HotIssueGrouping> logger) : IDisposable
{
    /// <summary>How many recent members of an open group stand for its centre.</summary>
    private const int SeedMembersPerGroup = 50;

    private const int BatchSize = 2000;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Opinions that count: screened by a moderator (registered or later), including merged duplicates.</summary>
    internal static readonly OpinionStatus[] Counted =
    [
        OpinionStatus.Registered, OpinionStatus.Assigned, OpinionStatus.InProgress,
        OpinionStatus.Completed, OpinionStatus.Published, OpinionStatus.Merged,
    ];

    /// <summary>Places every counted opinion not yet in a group. Returns how many were placed.</summary>
    public async Task<int> GroupPendingAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var total = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
                var pending = await PendingQuery(db).OrderBy(o => o.CreatedAt).Take(BatchSize)
                    .Select(o => new GroupingDocument(o.Id, o.Title, o.Body, o.Area, o.CreatedAt)).ToListAsync(ct).ConfigureAwait(false);
                if (pending.Count == 0)
                    return total;
                await PlaceAsync(db, pending, ct).ConfigureAwait(false);
                total += pending.Count;
                if (pending.Count < BatchSize)
                    return total;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Regroups the opinions that came in within [from, to): releases those the grouping placed (not those a
    /// person placed, nor those of handled groups), drops groups left empty, and places them again in one pass.
    /// </summary>
    public async Task<int> RebuildAsync(DateTime fromUtc, DateTime toUtc, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(StaffRoles.Admin))
            throw new WorkflowAccessDeniedException("只有系统管理员可以重新归并热点。");
        if (toUtc <= fromUtc)
            throw new HotIssueStateException("结束日期须晚于开始日期。");
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
            {
                var groups = await db.HotIssueGroups.Include(g => g.Members).Include(g => g.Events)
                    .Where(g => g.Status == HotIssueStatus.Open && g.Members.Any(m => m.OpinionAt >= fromUtc && m.OpinionAt < toUtc))
                    .ToListAsync(ct).ConfigureAwait(false);
                foreach (var group in groups)
                {
                    var inWindow = group.Members.Where(m => m.OpinionAt >= fromUtc && m.OpinionAt < toUtc).Select(m => m.OpinionId).ToHashSet();
                    group.ReleaseUnpinned(inWindow, now);
                    if (group.Members.Count == 0 && group.Events.Count == 0)
                        db.HotIssueGroups.Remove(group);
                }

                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }

            await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
            {
                var documents = await PendingQuery(db).Where(o => o.CreatedAt >= fromUtc && o.CreatedAt < toUtc)
                    .Select(o => new GroupingDocument(o.Id, o.Title, o.Body, o.Area, o.CreatedAt)).ToListAsync(ct).ConfigureAwait(false);
                if (documents.Count > 0)
                    await PlaceAsync(db, documents, ct).ConfigureAwait(false);
                LogRebuilt(logger, fromUtc, toUtc, documents.Count, actor.UserId);
                return documents.Count;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static IQueryable<Opinion> PendingQuery(PortalDbContext db) =>
        db.Opinions.AsNoTracking().Where(o => Counted.Contains(o.Status) && !db.HotIssueMembers.Any(m => m.OpinionId == o.Id));

    private async Task PlaceAsync(PortalDbContext db, List<GroupingDocument> documents, CancellationToken ct)
    {
        var window = TimeSpan.FromDays(options.Value.WindowDays);
        var earliest = documents.Min(d => d.At) - window;
        // Groups are loaded without their members (a long-running group may have thousands); its most
        // recent members within the window stand for its centre (an open group in the window has at least one).
        var groups = await db.HotIssueGroups.Where(g => g.Status == HotIssueStatus.Open && g.LastAt >= earliest)
            .ToListAsync(ct).ConfigureAwait(false);
        var groupIds = groups.Select(g => g.Id).ToList();
        var memberRows = new List<(int GroupId, int OpinionId, DateTime At)>();
        foreach (var chunk in groupIds.Chunk(5000))
        {
            var rows = await db.HotIssueMembers.AsNoTracking().Where(m => chunk.Contains(m.GroupId) && m.OpinionAt >= earliest)
                .Select(m => new { m.GroupId, m.OpinionId, m.OpinionAt }).ToListAsync(ct).ConfigureAwait(false);
            memberRows.AddRange(rows.Select(r => (r.GroupId, r.OpinionId, r.OpinionAt)));
        }

        var recent = memberRows.GroupBy(r => r.GroupId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.At).Take(SeedMembersPerGroup).Select(r => r.OpinionId).ToList());
        var seedIds = recent.Values.SelectMany(ids => ids).ToList();
        var texts = new Dictionary<int, GroupingDocument>();
        foreach (var chunk in seedIds.Chunk(5000))
        {
            var rows = await db.Opinions.AsNoTracking().Where(o => chunk.Contains(o.Id))
                .Select(o => new GroupingDocument(o.Id, o.Title, o.Body, o.Area, o.CreatedAt)).ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
                texts[row.OpinionId] = row;
        }

        var seeds = groups.Select(g => new GroupSeed(g.Id, recent.GetValueOrDefault(g.Id, [])
            .Where(texts.ContainsKey).Select(id => texts[id]).OrderBy(d => d.At).ToList())).ToList();
        var plan = new HotIssueClusterer(options.Value).Plan(seeds, documents);

        var now = clock.GetUtcNow().UtcDateTime;
        var byId = groups.ToDictionary(g => g.Id);
        var created = new Dictionary<int, HotIssueGroup>();
        var at = documents.ToDictionary(d => d.OpinionId, d => d.At);
        foreach (var placement in plan.Placements)
        {
            if (placement.GroupId is { } groupId)
            {
                byId[groupId].Join(placement.OpinionId, at[placement.OpinionId], placement.Score, now);
            }
            else if (created.TryGetValue(placement.NewCluster!.Value, out var group))
            {
                group.Join(placement.OpinionId, at[placement.OpinionId], placement.Score, now);
            }
            else
            {
                created[placement.NewCluster.Value] = HotIssueGroup.Start(plan.NewTitles[placement.NewCluster.Value], placement.OpinionId, at[placement.OpinionId], now);
            }
        }

        foreach (var (groupId, title) in plan.Titles)
        {
            if (byId[groupId].Title != title)
                byId[groupId].Retitle(title, now);
        }

        db.HotIssueGroups.AddRange(created.Values);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogPlaced(logger, documents.Count, plan.Placements.Count(p => p.GroupId is not null), created.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hot issues: {Count} opinions placed, {Joined} into existing groups, {Created} new groups")]
    private static partial void LogPlaced(ILogger logger, int count, int joined, int created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hot issues rebuilt for {From:u}–{To:u}: {Count} opinions, by {UserId}")]
    private static partial void LogRebuilt(ILogger logger, DateTime from, DateTime to, int count, string userId);
}
