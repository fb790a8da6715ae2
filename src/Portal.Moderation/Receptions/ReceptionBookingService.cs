using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Receptions;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Receptions;

/// <summary>
/// Residents' bookings (预约). A place is taken by one conditional UPDATE
/// (<c>BookedCount = BookedCount + 1 WHERE BookedCount &lt; Capacity AND Status = Scheduled AND StartsAt &gt; cut-off</c>)
/// inside an immediate SQLite transaction, so the capacity holds however many residents book at once:
/// SQLite serialises writers, and the condition is evaluated against the committed count.
/// </summary>
public sealed partial class ReceptionBookingService(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ReceptionOptions> options,
    ILogger<ReceptionBookingService> logger)
{
    /// <summary>Books a place and returns the confirmation code.</summary>
    /// <exception cref="ValidationException">Name, phone or topic is missing or invalid (Chinese message).</exception>
    /// <exception cref="BookingRefusedException">A booking rule refuses it (Chinese message, <see cref="BookingRefusedException.Reason"/>).</exception>
    public async Task<BookingReceipt> BookAsync(int sessionId, string? name, string? phone, string? topic, CancellationToken ct = default)
    {
        var cleanName = TextInput.Clean(name) ?? throw new ValidationException("请填写姓名。");
        if (cleanName.Length > Appointment.MaxNameLength)
            throw new ValidationException($"姓名不能超过 {Appointment.MaxNameLength} 个字。");
        var cleanPhone = ReceptionText.NormalizePhone(phone) ?? throw new ValidationException("请填写有效的联系电话（7 位以上数字）。");
        var cleanTopic = TextInput.Clean(topic, multiline: true) ?? throw new ValidationException("请简要填写反映的问题。");
        if (cleanTopic.Length > Appointment.MaxTopicLength)
            throw new ValidationException($"反映的问题不能超过 {Appointment.MaxTopicLength} 个字。");

        var now = clock.GetUtcNow().UtcDateTime;
        var latestStart = now.AddHours(options.Value.BookingClosesHoursBefore);

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        // Microsoft.Data.Sqlite begins IMMEDIATE transactions: the write lock is taken here, waiting on busy_timeout.
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);

        if (await db.Appointments.AnyAsync(a => a.SessionId == sessionId && a.Phone == cleanPhone && a.Status == AppointmentStatus.Booked, ct).ConfigureAwait(false))
            throw new BookingRefusedException(BookingRefusal.AlreadyBooked);

        var taken = await db.ReceptionSessions
            .Where(s => s.Id == sessionId && s.Status == ReceptionSessionStatus.Scheduled && s.BookedCount < s.Capacity && s.StartsAt > latestStart)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BookedCount, s => s.BookedCount + 1), ct)
            .ConfigureAwait(false);
        if (taken == 0)
            throw new BookingRefusedException(await ExplainAsync(db, sessionId, latestStart, ct).ConfigureAwait(false));

        string code;
        do
        {
            code = TrackingCodes.New();
        }
        while (await db.Appointments.AnyAsync(a => a.ConfirmationCode == code, ct).ConfigureAwait(false));

        var appointment = Appointment.Book(sessionId, cleanName, cleanPhone, cleanTopic, code, now);
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        LogBooked(logger, appointment.Id, sessionId);
        return new BookingReceipt(appointment.Id, code, sessionId);
    }

    /// <summary>Cancels a booking by its confirmation code and frees the place; allowed until the session starts.</summary>
    public async Task<CancelBookingOutcome> CancelAsync(string? code, CancellationToken ct = default)
    {
        if (TrackingCodes.Normalize(code) is not { } normalized)
            return CancelBookingOutcome.NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var appointment = await db.Appointments.Include(a => a.Session)
            .SingleOrDefaultAsync(a => a.ConfirmationCode == normalized, ct).ConfigureAwait(false);
        if (appointment?.Session is not { } session)
            return CancelBookingOutcome.NotFound;
        if (appointment.Status == AppointmentStatus.Cancelled)
            return CancelBookingOutcome.AlreadyCancelled;
        if (session.Status != ReceptionSessionStatus.Scheduled || session.StartsAt <= now)
            return CancelBookingOutcome.TooLate;

        appointment.Cancel(now);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await db.ReceptionSessions.Where(s => s.Id == session.Id && s.BookedCount > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BookedCount, s => s.BookedCount - 1), ct)
            .ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        LogCancelled(logger, appointment.Id, session.Id);
        return CancelBookingOutcome.Cancelled;
    }

    private static async Task<BookingRefusal> ExplainAsync(PortalDbContext db, int sessionId, DateTime latestStart, CancellationToken ct)
    {
        var session = await db.ReceptionSessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.Status, s.StartsAt, s.BookedCount, s.Capacity })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return session switch
        {
            null => BookingRefusal.SessionNotFound,
            { Status: ReceptionSessionStatus.Cancelled } => BookingRefusal.SessionCancelled,
            { Status: ReceptionSessionStatus.Held } => BookingRefusal.SessionHeld,
            _ when session.StartsAt <= latestStart => BookingRefusal.BookingClosed,
            _ => BookingRefusal.Full,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} booked for reception session {SessionId}")]
    private static partial void LogBooked(ILogger logger, int appointmentId, int sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} for reception session {SessionId} cancelled by the resident")]
    private static partial void LogCancelled(ILogger logger, int appointmentId, int sessionId);
}
