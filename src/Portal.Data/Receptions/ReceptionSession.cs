namespace Portal.Data.Receptions;

/// <summary>
/// 接待日: a published time when a host receives residents, at a deputy studio or another address.
/// State changes only through <see cref="Cancel"/> and <see cref="MarkHeld"/>. <see cref="BookedCount"/>
/// is changed only by the booking service's atomic conditional update, never through the entity.
/// </summary>
public sealed class ReceptionSession
{
    public const int MaxAddressLength = 200;
    public const int MaxFocusLength = 200;
    public const int MaxReasonLength = 500;
    public const int MaxCapacity = 500;

    private ReceptionSession()
    {
    }

    public int Id { get; private set; }

    public int HostId { get; private set; }

    public ReceptionHost? Host { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime EndsAt { get; private set; }

    public int? StudioId { get; private set; }

    public DeputyStudio? Studio { get; private set; }

    /// <summary>The place when the session is not at a studio (or a room inside it).</summary>
    public string? Address { get; private set; }

    public ReceptionMethod Method { get; private set; }

    /// <summary>重点议题: what the host especially wants to hear about.</summary>
    public string? Focus { get; private set; }

    public int Capacity { get; private set; }

    public int BookedCount { get; private set; }

    public ReceptionSessionStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>
    /// Why the session was published later than the announcement rule asks (an emergency); null when it was
    /// announced in time. Shown with the session, so the exception stays visible.
    /// </summary>
    public string? ShortNoticeReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public DateTime? HeldAt { get; private set; }

    /// <summary>Concurrency token: incremented by every change made through the entity.</summary>
    public int Version { get; private set; }

    public static ReceptionSession Schedule(
        ReceptionHost host, DateTime startsAtUtc, DateTime endsAtUtc, DeputyStudio? studio, string? address,
        ReceptionMethod method, string? focus, int capacity, DateTime nowUtc, string? shortNoticeReason = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (endsAtUtc <= startsAtUtc)
            throw new ReceptionStateException("结束时间必须晚于开始时间。");
        if (studio is null && string.IsNullOrWhiteSpace(address))
            throw new ReceptionStateException("请选择党代表工作室或填写接访地点。");
        if (!Enum.IsDefined(method))
            throw new ReceptionStateException("请选择接访方式。");
        if (capacity is < 1 or > MaxCapacity)
            throw new ReceptionStateException($"预约名额应在 1 到 {MaxCapacity} 之间。");
        return new ReceptionSession
        {
            HostId = host.Id,
            Host = host,
            StartsAt = startsAtUtc,
            EndsAt = endsAtUtc,
            StudioId = studio?.Id,
            Studio = studio,
            Address = string.IsNullOrWhiteSpace(address) ? null : address,
            Method = method,
            Focus = string.IsNullOrWhiteSpace(focus) ? null : focus,
            Capacity = capacity,
            ShortNoticeReason = string.IsNullOrWhiteSpace(shortNoticeReason) ? null : shortNoticeReason,
            Status = ReceptionSessionStatus.Scheduled,
            CreatedAt = nowUtc,
            Version = 1,
        };
    }

    /// <summary>The moment after which residents can no longer book.</summary>
    public DateTime BookingClosesAt(int hoursBefore) => StartsAt.AddHours(-hoursBefore);

    /// <summary>Cancels a scheduled session; the reason is shown to the public and to those who booked.</summary>
    public void Cancel(string reason, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ReceptionStateException("请填写取消接访的原因。");
        if (Status != ReceptionSessionStatus.Scheduled)
            throw new ReceptionStateException(Status == ReceptionSessionStatus.Cancelled ? "该场接访已经取消。" : "该场接访已举行，不能取消。");
        Status = ReceptionSessionStatus.Cancelled;
        CancellationReason = reason;
        CancelledAt = nowUtc;
        Version++;
    }

    /// <summary>Records that the session took place; only once it has started.</summary>
    public void MarkHeld(DateTime nowUtc)
    {
        if (Status != ReceptionSessionStatus.Scheduled)
            throw new ReceptionStateException(Status == ReceptionSessionStatus.Cancelled ? "已取消的接访不能标记为已举行。" : "该场接访已标记为已举行。");
        if (nowUtc < StartsAt)
            throw new ReceptionStateException("接访尚未开始，不能标记为已举行。");
        Status = ReceptionSessionStatus.Held;
        HeldAt = nowUtc;
        Version++;
    }
}
