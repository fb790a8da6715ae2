using Portal.Data.Receptions;

namespace Portal.Moderation.Receptions;

/// <summary>One session as the public and staff lists show it; times both in UTC and in the portal's local time.</summary>
public sealed record SessionListItem(
    int Id,
    int HostId,
    string HostName,
    string HostPost,
    string HostResponsibilities,
    ReceptionHostKind HostKind,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    DateTime StartsLocal,
    DateTime EndsLocal,
    int? StudioId,
    string? StudioName,
    string Place,
    ReceptionMethod Method,
    string? Focus,
    int Capacity,
    int Booked,
    ReceptionSessionStatus Status,
    string? CancellationReason,
    DateTime BookingClosesLocal,
    bool BookingOpen,
    int Version,
    string? ShortNoticeReason = null)
{
    public int PlacesLeft => Math.Max(0, Capacity - Booked);
}

/// <summary>Sessions of one local calendar month.</summary>
public sealed record SessionMonth(int Year, int Month, IReadOnlyList<SessionListItem> Sessions)
{
    public string Title => $"{Year} 年 {Month} 月";
}

public sealed record HostView(int Id, string Name, string Post, string Responsibilities, ReceptionHostKind Kind, int RequiredReceptionsPerYear, int RequiredVisitsPerYear = 0, int Version = 0);

public sealed record StudioView(int Id, string Name, string Address, string? Phone, string ReceptionDays, int Version = 0);

/// <summary>What the resident gets after booking.</summary>
public sealed record BookingReceipt(int AppointmentId, string ConfirmationCode, int SessionId)
{
    public string DisplayCode => Portal.Data.Opinions.TrackingCodes.Format(ConfirmationCode);
}

/// <summary>A booking as staff see it (with contact details).</summary>
public sealed record AppointmentView(int Id, string ResidentName, string Phone, string Topic, string ConfirmationCode, AppointmentStatus Status, DateTime BookedLocal);

/// <summary>Why a booking was refused.</summary>
public enum BookingRefusal
{
    SessionNotFound = 1,
    SessionCancelled = 2,
    SessionHeld = 3,
    BookingClosed = 4,
    Full = 5,
    AlreadyBooked = 6,
}

/// <summary>A booking refused by a rule; the message is Chinese and meant for the resident.</summary>
public sealed class BookingRefusedException : InvalidOperationException
{
    public BookingRefusedException(BookingRefusal reason) : base(MessageFor(reason)) => Reason = reason;

    public BookingRefusedException()
    {
    }

    public BookingRefusedException(string message) : base(message)
    {
    }

    public BookingRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public BookingRefusal Reason { get; }

    public static string MessageFor(BookingRefusal reason) => reason switch
    {
        BookingRefusal.SessionNotFound => "未找到该场接访。",
        BookingRefusal.SessionCancelled => "该场接访已取消，不能预约。",
        BookingRefusal.SessionHeld => "该场接访已经举行，不能预约。",
        BookingRefusal.BookingClosed => "该场接访的预约已截止。",
        BookingRefusal.Full => "该场接访的预约名额已满，请选择其他场次。",
        BookingRefusal.AlreadyBooked => "该手机号已预约本场接访，无需重复预约。",
        _ => "预约未成功。",
    };
}

/// <summary>The outcome of a resident's cancellation by confirmation code.</summary>
public enum CancelBookingOutcome
{
    Cancelled = 1,
    NotFound = 2,
    AlreadyCancelled = 3,
    TooLate = 4,
}
