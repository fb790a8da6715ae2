using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Supervision;

namespace Portal.Moderation.Supervision;

/// <summary>Clears what supervision holds open on a case when the case leaves its time limit behind.</summary>
public static class OpenNotices
{
    /// <summary>
    /// Clears the opinion's open notices (with one history entry when there were any) and closes a pending
    /// extension request, in the caller's unit of work. The caller saves.
    /// </summary>
    public static async Task ClearAsync(PortalDbContext db, Opinion opinion, string reason, DateTime utcNow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(opinion);
        var open = await db.SupervisionNotices.Where(n => n.OpinionId == opinion.Id && n.ClearedAt == null).ToListAsync(ct).ConfigureAwait(false);
        foreach (var notice in open)
            notice.Clear(reason, utcNow);
        if (open.Count > 0)
            opinion.RecordSupervisionStep(OpinionAction.SupervisionCleared, ActorRef.System, $"督办解除：{reason}", utcNow);

        var pending = await db.DeadlineExtensions.SingleOrDefaultAsync(e => e.OpinionId == opinion.Id && e.Status == ExtensionStatus.Pending, ct).ConfigureAwait(false);
        // The request being approved in this unit of work is already decided in memory.
        if (pending is { Status: ExtensionStatus.Pending })
            pending.Refuse(opinion, $"{reason}，延期申请自动失效", ActorRef.System, utcNow);
    }
}
