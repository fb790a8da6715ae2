namespace Portal.Data.Receptions;

/// <summary>
/// 预约: a resident's booking of a place in a reception session. The name and phone are private (staff only).
/// Created only by the booking service, which has already reserved the place atomically.
/// </summary>
public sealed class Appointment
{
    public const int MaxNameLength = 50;
    public const int MaxPhoneLength = 20;
    public const int MaxTopicLength = 500;

    private Appointment()
    {
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    public ReceptionSession? Session { get; private set; }

    /// <summary>Private: never shown publicly.</summary>
    public string ResidentName { get; private set; } = "";

    /// <summary>Private: never shown publicly. Stored normalized (digits only, "+" kept).</summary>
    public string Phone { get; private set; } = "";

    public string Topic { get; private set; } = "";

    /// <summary>The 预约码, same alphabet and format as tracking codes.</summary>
    public string ConfirmationCode { get; private set; } = "";

    public AppointmentStatus Status { get; private set; }

    public DateTime BookedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public static Appointment Book(int sessionId, string residentName, string phone, string topic, string confirmationCode, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(residentName);
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        ArgumentException.ThrowIfNullOrWhiteSpace(confirmationCode);
        return new Appointment
        {
            SessionId = sessionId,
            ResidentName = residentName,
            Phone = phone,
            Topic = topic ?? "",
            ConfirmationCode = confirmationCode,
            Status = AppointmentStatus.Booked,
            BookedAt = nowUtc,
        };
    }

    public void Cancel(DateTime nowUtc)
    {
        if (Status != AppointmentStatus.Booked)
            throw new ReceptionStateException("该预约已经取消。");
        Status = AppointmentStatus.Cancelled;
        CancelledAt = nowUtc;
    }
}
