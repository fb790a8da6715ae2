using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Receptions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Receptions;

/// <summary>Staff steps on receptions (moderators and admins): hosts, studios, sessions, and the bookings of a session.</summary>
public sealed partial class ReceptionAdminService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    TimeProvider clock,
    ILogger<ReceptionAdminService> logger)
{
    public async Task<int> CreateHostAsync(string? name, string? post, string? responsibilities, ReceptionHostKind kind, int requiredPerYear, StaffActor actor, CancellationToken ct = default)
    {
        Authorize(actor);
        var host = ReceptionHost.Create(
            Required(name, "姓名", ReceptionHost.MaxNameLength), Required(post, "职务", ReceptionHost.MaxPostLength),
            Optional(responsibilities, "分管工作", ReceptionHost.MaxResponsibilitiesLength) ?? "", kind, Math.Max(0, requiredPerYear));
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        db.ReceptionHosts.Add(host);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return host.Id;
    }

    public async Task<int> CreateStudioAsync(string? name, string? address, string? phone, string? receptionDays, StaffActor actor, CancellationToken ct = default)
    {
        Authorize(actor);
        var studio = DeputyStudio.Create(
            Required(name, "工作室名称", DeputyStudio.MaxNameLength), Required(address, "地址", DeputyStudio.MaxAddressLength),
            Optional(phone, "电话", DeputyStudio.MaxPhoneLength), Optional(receptionDays, "固定接待日", DeputyStudio.MaxReceptionDaysLength) ?? "");
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        db.DeputyStudios.Add(studio);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return studio.Id;
    }

    /// <summary>Schedules a session; <paramref name="startsLocal"/> and <paramref name="endsLocal"/> are the portal's local wall-clock times.</summary>
    /// <exception cref="Portal.Data.Receptions.ReceptionStateException">The session is not consistent (Chinese message).</exception>
    public async Task<int> CreateSessionAsync(
        int hostId, DateTime startsLocal, DateTime endsLocal, int? studioId, string? address, ReceptionMethod method, string? focus, int capacity,
        StaffActor actor, CancellationToken ct = default)
    {
        Authorize(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        var startsUtc = time.ToUtc(startsLocal);
        if (startsUtc <= now)
            throw new ReceptionStateException("开始时间必须在当前时间之后。");
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var host = await db.ReceptionHosts.SingleOrDefaultAsync(h => h.Id == hostId, ct).ConfigureAwait(false)
            ?? throw new ReceptionStateException("请选择接访人。");
        var studio = studioId is { } id
            ? await db.DeputyStudios.SingleOrDefaultAsync(s => s.Id == id, ct).ConfigureAwait(false) ?? throw new ReceptionStateException("未找到该党代表工作室。")
            : null;
        var session = ReceptionSession.Schedule(host, startsUtc, time.ToUtc(endsLocal), studio,
            Optional(address, "地点", ReceptionSession.MaxAddressLength), method, Optional(focus, "重点议题", ReceptionSession.MaxFocusLength), capacity, now);
        db.ReceptionSessions.Add(session);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogScheduled(logger, session.Id, hostId);
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
    }

    private static void Authorize(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanModerate)
            throw new WorkflowAccessDeniedException("只有审核员或管理员可以管理接待日。");
    }

    private static string Required(string? value, string field, int maxLength) =>
        Optional(value, field, maxLength) ?? throw new ValidationException($"请填写{field}。");

    private static string? Optional(string? value, string field, int maxLength)
    {
        var clean = TextInput.Clean(value, multiline: false);
        return clean is { Length: var n } && n > maxLength ? throw new ValidationException($"{field}不能超过 {maxLength} 个字。") : clean;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId} scheduled for host {HostId}")]
    private static partial void LogScheduled(ILogger logger, int sessionId, int hostId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reception session {SessionId} is now {Status} (by {UserId})")]
    private static partial void LogChanged(ILogger logger, int sessionId, ReceptionSessionStatus status, string userId);
}
