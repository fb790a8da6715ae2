using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Data.Supervision;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Supervision;

/// <summary>
/// Extension requests (延期): the handler of the department asks with a reason and a new last day (a working
/// day after the current deadline); a leader or an administrator approves or refuses with a comment. On
/// approval the deadline moves and the notices held against the old one are cleared. Every step is in the
/// case history; refusals of stale or double decisions leave the data unchanged.
/// </summary>
public sealed class ExtensionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy deadlines,
    OpinionNotifier notifier,
    TimeProvider clock)
{
    public async Task RequestAsync(int opinionId, DateOnly newLastDay, string reason, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var opinion = await db.Opinions.SingleOrDefaultAsync(o => o.Id == opinionId, ct).ConfigureAwait(false);
        if (opinion is null || !CaseAccess.IsHandlerOf(actor, opinion.DepartmentId))
            throw new OpinionNotFoundException();
        if (await db.DeadlineExtensions.AnyAsync(e => e.OpinionId == opinionId && e.Status == ExtensionStatus.Pending, ct).ConfigureAwait(false))
            throw new OpinionStateException("已有一份延期申请正在审批，请等待审批结果。");
        var calendar = await deadlines.CalendarAsync(ct).ConfigureAwait(false);
        if (!calendar.IsWorkingDay(newLastDay))
            throw new OpinionStateException($"{DeadlineExtension.DateText(newLastDay)}不是工作日，请选择工作日。");

        var now = clock.GetUtcNow().UtcDateTime;
        db.DeadlineExtensions.Add(DeadlineExtension.Request(opinion, reason, newLastDay, deadlines.EndOf(newLastDay), actor.Ref, now));
        await SaveAsync(db, opinion, "已有一份延期申请正在审批，请等待审批结果。", ct).ConfigureAwait(false);
    }

    public Task ApproveAsync(int extensionId, string? comment, StaffActor actor, CancellationToken ct = default) =>
        DecideAsync(extensionId, actor, async (db, request, opinion, now) =>
        {
            request.Approve(opinion, comment, actor.Ref, now);
            await OpenNotices.ClearAsync(db, opinion, "延期获批", now, ct).ConfigureAwait(false);
        }, ct);

    public Task RefuseAsync(int extensionId, string comment, StaffActor actor, CancellationToken ct = default) =>
        DecideAsync(extensionId, actor, (_, request, opinion, now) =>
        {
            request.Refuse(opinion, comment, actor.Ref, now);
            return Task.CompletedTask;
        }, ct);

    private async Task DecideAsync(int extensionId, StaffActor actor, Func<PortalDbContext, DeadlineExtension, Opinion, DateTime, Task> decide, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(StaffRoles.Leader) && !actor.IsInRole(StaffRoles.Admin))
            throw new WorkflowAccessDeniedException("只有领导或管理员可以审批延期申请。");
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var request = await db.DeadlineExtensions.SingleOrDefaultAsync(e => e.Id == extensionId, ct).ConfigureAwait(false)
            ?? throw new OpinionStateException("未找到该延期申请。");
        var opinion = await db.Opinions.SingleAsync(o => o.Id == request.OpinionId, ct).ConfigureAwait(false);
        await decide(db, request, opinion, clock.GetUtcNow().UtcDateTime).ConfigureAwait(false);
        await SaveAsync(db, opinion, "该申请刚刚已被他人审批，请刷新后查看。", ct).ConfigureAwait(false);
    }

    private async Task SaveAsync(PortalDbContext db, Opinion opinion, string conflictMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException ex)
        {
            throw new OpinionConcurrencyException(conflictMessage, ex);
        }

        notifier.Publish(new OpinionChange(opinion.Id, opinion.DepartmentId));
    }
}
