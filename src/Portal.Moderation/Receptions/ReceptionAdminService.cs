using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Receptions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using static Portal.Moderation.Receptions.ReceptionInput;

namespace Portal.Moderation.Receptions;

/// <summary>
/// Staff steps on reception sessions (moderators and admins): scheduling with the announcement rule
/// (<see cref="ReceptionOptions.PublishDaysAhead"/>), cancelling with a public reason, marking held, and the
/// bookings of a session. Hosts and studios are kept by <see cref="ReceptionDirectoryService"/>.
/// </summary>
public sealed partial class ReceptionAdminService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    TimeProvider clock,
    IOptions<ReceptionOptions> options,
    StaffAudit audit,
    ILogger<ReceptionAdminService> logger)
{
    /// <summary>
    /// Schedules (and so publishes) a session; <paramref name="startsLocal"/> and <paramref name="endsLocal"/> are the
    /// portal's local wall-clock times. A session starting sooner than <see cref="ReceptionOptions.PublishDaysAhead"/>
    /// days from now is refused unless <paramref name="shortNoticeReason"/> gives the emergency, which is stored and shown.
    /// </summary>
    /// <exception cref="Portal.Data.Receptions.ReceptionStateException">The session is not consistent (Chinese message).</exception>
    public async Task<int> CreateSessionAsync(
        int hostId, DateTime startsLocal, DateTime endsLocal, int? studioId, string? address, ReceptionMethod method, string? focus, int capacity,
        StaffActor actor, string? shortNoticeReason = null, CancellationToken ct = default)
    {
        Authorize(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        var startsUtc = time.ToUtc(startsLocal);
        if (startsUtc <= now)
            throw new ReceptionStateException("开始时间必须在当前时间之后。");
        var reason = ShortNotice(startsUtc, now, Optional(shortNoticeReason, "临时安排的原因", ReceptionSession.MaxReasonLength));
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var host = await db.ReceptionHosts.SingleOrDefaultAsync(h => h.Id == hostId, ct).ConfigureAwait(false)
            ?? throw new ReceptionStateException("请选择接访人。");
        var studio = studioId is { } id
            ? await db.DeputyStudios.SingleOrDefaultAsync(s => s.Id == id, ct).ConfigureAwait(false) ?? throw new ReceptionStateException("未找到该党代表工作室。")
            : null;
        var session = ReceptionSession.Schedule(host, startsUtc, time.ToUtc(endsLocal), studio,
            Optional(address, "地点", ReceptionSession.MaxAddressLength), method, Optional(focus, "重点议题", ReceptionSession.MaxFocusLength), capacity, now, reason);
        db.ReceptionSessions.Add(session);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogScheduled(logger, session.Id, hostId);
        audit.Record(actor, "reception.session.schedule", session.Id);
        return session.Id;
    }

    public Task CancelSessionAsync(int sessionId, string? reason, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(sessionId, actor, (s, now) => s.Cancel(Required(reason, "取消原因", ReceptionSession.MaxReasonLength), now), ct);

    public Task MarkHeldAsync(int sessionId, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(sessionId, actor, (s, now) => s.MarkHeld(now), ct);

    /// <summary>The bookings of a session, with contact details (staff only).</summary>
    public async Task<IReadOnlyList<AppointmentView>> AppointmentsAsync(int sessionId, StaffActor actor, CancellationToken ct = default)
    {
        Authorize(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Appointments.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.BookedAt)
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(a => new AppointmentView(a.Id, a.ResidentName, a.Phone, a.Topic, a.ConfirmationCode, a.Status, time.ToLocal(a.BookedAt)))];
    }

    private async Task ApplyAsync(int sessionId, StaffActor actor, Action<ReceptionSession, DateTime> step, CancellationToken ct)
    {
        Authorize(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var session = await db.ReceptionSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct).ConfigureAwait(false)
            ?? throw new ReceptionStateException("未找到该场接访。");
        step(session, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ReceptionStateException("该场接访刚被其他工作人员修改，请刷新后重试。", ex);
        }

        LogChanged(logger, sessionId, session.Status, actor.UserId);
        audit.Record(actor, "reception.session." + session.Status.ToString().ToLowerInvariant(), sessionId);
    }

    /// <summary>The earliest local start a session may be given now without an emergency reason.</summary>
    public DateTime EarliestRegularStartLocal() =>
        time.ToLocal(clock.GetUtcNow().UtcDateTime.AddDays(options.Value.PublishDaysAhead));

    /// <summary>Null when announced in time; the reason when it is a short-notice session; refused without a reason.</summary>
    private string? ShortNotice(DateTime startsUtc, DateTime nowUtc, string? reason)
    {
        var days = options.Value.PublishDaysAhead;
        if (startsUtc >= nowUtc.AddDays(days))
            return null;
        return reason ?? throw new ReceptionStateException(
            $"接访安排应至少提前 {days} 天向社会公布，本场最早可安排在 {time.ToLocal(nowUtc.AddDays(days)):yyyy年M月d日 HH:mm} 以后。"
            + "如确因紧急情况需要临时安排，请填写临时安排的原因（将与接访安排一并公开）。");
    }

    private static void Authorize(StaffActor actor) => RequireManager(actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId} scheduled for host {HostId}")]
    private static partial void LogScheduled(ILogger logger, int sessionId, int hostId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId} is now {Status} (by {UserId})")]
    private static partial void LogChanged(ILogger logger, int sessionId, ReceptionSessionStatus status, string userId);
}
