using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Supervision;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Supervision;

/// <summary>
/// One pass of the escalation rules over every case under a time limit: clears notices that no longer apply,
/// issues the step that is due (催办, 督办, 黄牌, 红牌) with its history entry, and clears the lower open notice
/// it replaces. Holds nothing in memory: run it twice, or after a restart, and the unique index on
/// (opinion, department, deadline, level) leaves one notice per step.
/// </summary>
public sealed partial class SupervisionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy deadlines,
    OpinionNotifier notifier,
    TimeProvider clock,
    IOptions<SupervisionOptions> options,
    ILogger<SupervisionService> logger)
{
    public async Task<SupervisionRunResult> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = deadlines.LocalDay(now);
        var calendar = await deadlines.CalendarAsync(ct).ConfigureAwait(false);
        var cleared = await ClearStaleAsync(now, ct).ConfigureAwait(false);

        List<OpenCase> cases;
        await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            cases = await db.Opinions.AsNoTracking()
                .Where(o => (o.Status == OpinionStatus.Assigned || o.Status == OpinionStatus.InProgress) && o.Deadline != null && o.DepartmentId != null)
                .Select(o => new OpenCase(o.Id, o.DepartmentId!.Value, o.Deadline!.Value))
                .ToListAsync(ct).ConfigureAwait(false);
        }

        var issued = 0;
        foreach (var c in cases)
        {
            var lastDay = deadlines.LastDayOf(c.Deadline);
            if (EscalationRules.StepFor(calendar, lastDay, today, options.Value) is { } step
                && await IssueAsync(c, step, step.Describe(lastDay), now, ct).ConfigureAwait(false))
                issued++;
        }

        if (issued + cleared > 0)
            LogPass(logger, issued, cleared);
        return new SupervisionRunResult(issued, cleared);
    }

    /// <summary>Issues <paramref name="step"/> for one case unless it exists; false when nothing was added.</summary>
    private async Task<bool> IssueAsync(OpenCase c, SupervisionStep step, string note, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var notices = await db.SupervisionNotices.Where(n => n.OpinionId == c.OpinionId && n.DepartmentId == c.DepartmentId && n.Deadline == c.Deadline)
            .ToListAsync(ct).ConfigureAwait(false);
        var existing = notices.SingleOrDefault(n => n.Level == step.Level);
        if (existing is { IsOpen: true })
            return false;

        // Re-read the case: it may have been completed or extended since the list was taken.
        var opinion = await db.Opinions.SingleOrDefaultAsync(o => o.Id == c.OpinionId, ct).ConfigureAwait(false);
        if (opinion is not { IsUnderDeadline: true } || opinion.Deadline != c.Deadline || opinion.DepartmentId != c.DepartmentId)
            return false;

        if (existing is not null)
        {
            // Cleared when the case completed, then sent back for revision with the same time limit.
            existing.Reactivate();
        }
        else
        {
            db.SupervisionNotices.Add(SupervisionNotice.Issue(c.OpinionId, c.DepartmentId, step.Level, c.Deadline, now));
        }

        foreach (var lower in notices.Where(n => n.IsOpen && n.Level < step.Level))
            lower.Clear($"升级为{SupervisionText.Of(step.Level)}", now);
        opinion.RecordSupervisionStep(step.Level == SupervisionLevel.Reminder ? OpinionAction.Reminded : OpinionAction.Supervised, ActorRef.System, note, now);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another pass (a second instance, or a run that overlapped) issued the same step first.
            return false;
        }

        notifier.Publish(new OpinionChange(c.OpinionId, c.DepartmentId));
        return true;
    }

    /// <summary>The safety net: open notices whose case is no longer under that deadline at that department.</summary>
    private async Task<int> ClearStaleAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var stale = await db.SupervisionNotices
            .Where(n => n.ClearedAt == null && !db.Opinions.Any(o => o.Id == n.OpinionId
                && (o.Status == OpinionStatus.Assigned || o.Status == OpinionStatus.InProgress)
                && o.Deadline == n.Deadline && o.DepartmentId == n.DepartmentId))
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var notice in stale)
            notice.Clear("办理时限或案件状态已变化", now);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return stale.Count;
    }

    private sealed record OpenCase(int OpinionId, int DepartmentId, DateTime Deadline);

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervision pass: {Issued} notices issued, {Cleared} cleared")]
    private static partial void LogPass(ILogger logger, int issued, int cleared);
}

public sealed record SupervisionRunResult(int Issued, int Cleared);
