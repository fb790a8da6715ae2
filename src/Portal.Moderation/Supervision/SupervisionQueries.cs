using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Supervision;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Supervision;

/// <summary>Read models of supervision for the board, the department inbox and the case view.</summary>
public sealed class SupervisionQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The leader's board: open notices (highest level and oldest first), pending requests, figures by department.</summary>
    public async Task<SupervisionBoard> GetBoardAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var notices = await Notices(db, db.SupervisionNotices.Where(n => n.ClearedAt == null), ct).ConfigureAwait(false);
        var pending = await Extensions(db, db.DeadlineExtensions.Where(e => e.Status == ExtensionStatus.Pending), ct).ConfigureAwait(false);
        var departments = notices.GroupBy(n => n.DepartmentName)
            .Select(g => new DepartmentSupervision(g.Key,
                g.Count(n => n.Level == SupervisionLevel.Reminder), g.Count(n => n.Level == SupervisionLevel.Normal),
                g.Count(n => n.Level == SupervisionLevel.Yellow), g.Count(n => n.Level == SupervisionLevel.Red)))
            .OrderByDescending(d => d.Red).ThenByDescending(d => d.Yellow).ThenByDescending(d => d.Total).ToList();
        return new SupervisionBoard(notices, pending, departments);
    }

    /// <summary>Open notices and extension requests of the handler's department (empty without one).</summary>
    public async Task<CaseSupervision> GetDepartmentAsync(StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.DepartmentId is not { } departmentId)
            return new CaseSupervision([], []);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var notices = await Notices(db, db.SupervisionNotices.Where(n => n.ClearedAt == null && n.DepartmentId == departmentId), ct).ConfigureAwait(false);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var extensions = await Extensions(db, db.DeadlineExtensions.Where(e => e.DepartmentId == departmentId
            && (e.Status == ExtensionStatus.Pending || e.DecidedAt > since)), ct).ConfigureAwait(false);
        return new CaseSupervision(notices, extensions);
    }

    /// <summary>Every notice and request of one case, for staff who may see the case.</summary>
    public async Task<CaseSupervision> GetCaseAsync(int opinionId, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var opinion = await db.Opinions.Where(o => o.Id == opinionId).Select(o => new { o.DepartmentId }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (opinion is null || !CaseAccess.CanRead(actor, opinion.DepartmentId))
            return new CaseSupervision([], []);
        var notices = await Notices(db, db.SupervisionNotices.Where(n => n.OpinionId == opinionId), ct).ConfigureAwait(false);
        var extensions = await Extensions(db, db.DeadlineExtensions.Where(e => e.OpinionId == opinionId), ct).ConfigureAwait(false);
        return new CaseSupervision(notices, extensions);
    }

    private static async Task<List<NoticeView>> Notices(PortalDbContext db, IQueryable<SupervisionNotice> notices, CancellationToken ct)
    {
        var rows = await (
            from n in notices
            join o in db.Opinions on n.OpinionId equals o.Id
            join d in db.Departments on n.DepartmentId equals d.Id
            select new NoticeView(n.Id, o.Id, o.TrackingCode, o.Title, d.Name, n.Level, n.Deadline, n.IssuedAt, n.ClearedAt, n.ClearReason, o.CaseOwnerName))
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderBy(n => n.ClearedAt is not null).ThenByDescending(n => n.Level).ThenBy(n => n.Deadline).ThenBy(n => n.Id)];
    }

    private static async Task<List<ExtensionView>> Extensions(PortalDbContext db, IQueryable<DeadlineExtension> extensions, CancellationToken ct)
    {
        var rows = await (
            from e in extensions
            join o in db.Opinions on e.OpinionId equals o.Id
            join d in db.Departments on e.DepartmentId equals d.Id
            select new ExtensionView(e.Id, o.Id, o.TrackingCode, o.Title, d.Name, e.RequestedByName, e.RequestedAt, e.Reason,
                e.CurrentDeadline, e.RequestedDate, e.Status, e.DecidedByName, e.DecidedAt, e.DecisionComment))
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderByDescending(e => e.RequestedAt)];
    }
}
