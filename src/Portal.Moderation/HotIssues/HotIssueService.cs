using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.HotIssues;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.HotIssues;

/// <summary>
/// Leaders' corrections of hot issues: merge two groups, split opinions out into a new group, mark a group
/// handled (with a note) or take it up again. Leaders and administrators act; moderators only read.
/// Every action is kept in the group's history. A stale version is refused.
/// </summary>
public sealed partial class HotIssueService(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    ILogger<HotIssueService> logger)
{
    private const string StaleMessage = "该热点刚刚已被他人修改，请刷新后再操作。";

    public static bool CanManage(StaffActor actor) =>
        actor is not null && (actor.IsInRole(StaffRoles.Leader) || actor.IsInRole(StaffRoles.Admin));

    /// <summary>Moves every opinion of <paramref name="sourceId"/> into <paramref name="targetId"/>.</summary>
    public async Task MergeAsync(int sourceId, int expectedVersion, int targetId, string? note, StaffActor actor, CancellationToken ct = default)
    {
        RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var groups = await db.HotIssueGroups.Include(g => g.Members).Where(g => g.Id == sourceId || g.Id == targetId)
            .ToListAsync(ct).ConfigureAwait(false);
        var source = groups.SingleOrDefault(g => g.Id == sourceId) ?? throw new HotIssueStateException("未找到该热点。");
        var target = groups.SingleOrDefault(g => g.Id == targetId) ?? throw new HotIssueStateException("未找到要合并到的热点。");
        RequireVersion(source, expectedVersion);
        source.MergeInto(target, actor.Ref, TextInput.Clean(note, multiline: true), clock.GetUtcNow().UtcDateTime);
        await SaveAsync(db, ct).ConfigureAwait(false);
        LogAction(logger, sourceId, "merged", actor.UserId);
    }

    /// <summary>Splits the given opinions out into a new group titled <paramref name="title"/>; returns its id.</summary>
    public async Task<int> SplitAsync(int groupId, int expectedVersion, IReadOnlyCollection<int> opinionIds, string? title, string? note, StaffActor actor, CancellationToken ct = default)
    {
        RequireManager(actor);
        ArgumentNullException.ThrowIfNull(opinionIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var group = await db.HotIssueGroups.Include(g => g.Members).SingleOrDefaultAsync(g => g.Id == groupId, ct).ConfigureAwait(false)
            ?? throw new HotIssueStateException("未找到该热点。");
        RequireVersion(group, expectedVersion);
        var cleanTitle = TextInput.Clean(title, multiline: false);
        if (cleanTitle is null)
        {
            // Default title: that of the earliest opinion split out.
            var first = group.Members.Where(m => opinionIds.Contains(m.OpinionId)).OrderBy(m => m.OpinionAt).FirstOrDefault()?.OpinionId;
            cleanTitle = first is null ? null : await db.Opinions.Where(o => o.Id == first).Select(o => o.Title).SingleAsync(ct).ConfigureAwait(false);
        }

        var split = group.SplitOut(opinionIds, cleanTitle ?? "新热点", actor.Ref, TextInput.Clean(note, multiline: true), clock.GetUtcNow().UtcDateTime);
        db.HotIssueGroups.Add(split);
        await SaveAsync(db, ct).ConfigureAwait(false);
        LogAction(logger, groupId, "split", actor.UserId);
        return split.Id;
    }

    public Task MarkHandledAsync(int groupId, int expectedVersion, string? note, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(groupId, expectedVersion, actor, (g, now) => g.MarkHandled(TextInput.Clean(note, multiline: true) ?? "", actor.Ref, now), "handled", ct);

    public Task ReopenAsync(int groupId, int expectedVersion, string? note, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(groupId, expectedVersion, actor, (g, now) => g.Reopen(TextInput.Clean(note, multiline: true), actor.Ref, now), "reopened", ct);

    private async Task ApplyAsync(int groupId, int expectedVersion, StaffActor actor, Action<HotIssueGroup, DateTime> step, string what, CancellationToken ct)
    {
        RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var group = await db.HotIssueGroups.SingleOrDefaultAsync(g => g.Id == groupId, ct).ConfigureAwait(false)
            ?? throw new HotIssueStateException("未找到该热点。");
        RequireVersion(group, expectedVersion);
        step(group, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(db, ct).ConfigureAwait(false);
        LogAction(logger, groupId, what, actor.UserId);
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new HotIssueStateException(StaleMessage, ex);
        }
    }

    private static void RequireVersion(HotIssueGroup group, int expectedVersion)
    {
        if (group.Version != expectedVersion)
            throw new HotIssueStateException(StaleMessage);
    }

    private static void RequireManager(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanManage(actor))
            throw new WorkflowAccessDeniedException("只有领导或系统管理员可以调整热点。");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hot issue {GroupId} {Action} by {UserId}")]
    private static partial void LogAction(ILogger logger, int groupId, string action, string userId);
}
