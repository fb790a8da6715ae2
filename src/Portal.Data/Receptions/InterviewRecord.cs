using Portal.Data.Opinions;

namespace Portal.Data.Receptions;

/// <summary>
/// 接谈记录: the notes of one face-to-face conversation during a reception session — who came, what they
/// raised, and the host's instruction (批示). Part of the audit trail (四单一记录): it is never edited; the
/// only later change is linking the opinion registered from it, once.
/// </summary>
public sealed class InterviewRecord
{
    public const int MaxNameLength = 50;
    public const int MaxPhoneLength = 20;
    public const int MaxIssueLength = 2000;
    public const int MaxInstructionLength = 1000;

    private InterviewRecord()
    {
    }

    public int Id { get; private set; }

    public int SessionId { get; private set; }

    public ReceptionSession? Session { get; private set; }

    /// <summary>The booking the visitor came with, when they had one.</summary>
    public int? AppointmentId { get; private set; }

    /// <summary>Private: shown only to staff.</summary>
    public string VisitorName { get; private set; } = "";

    /// <summary>Private: shown only to staff. Stored normalized (digits only).</summary>
    public string? VisitorPhone { get; private set; }

    /// <summary>反映的问题.</summary>
    public string Issue { get; private set; } = "";

    /// <summary>批示: the host's instruction on the issue.</summary>
    public string? Instruction { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public string RecordedById { get; private set; } = "";

    public string RecordedByName { get; private set; } = "";

    /// <summary>The opinion registered from this record; null until then.</summary>
    public int? OpinionId { get; private set; }

    public DateTime? OpinionLinkedAt { get; private set; }

    /// <summary>
    /// The submission key of the opinion made from this record: registering twice (a retry, two staff at once)
    /// finds the same opinion instead of creating a second one.
    /// </summary>
    public Guid OpinionSubmissionKey { get; private set; }

    /// <summary>Records a conversation of <paramref name="session"/>; the session must have started and not been cancelled.</summary>
    public static InterviewRecord Create(
        ReceptionSession session, Appointment? appointment, string visitorName, string? visitorPhone, string issue, string? instruction,
        ActorRef by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(visitorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(issue);
        if (session.Status == ReceptionSessionStatus.Cancelled)
            throw new ReceptionStateException("已取消的接访不能登记接谈记录。");
        if (nowUtc < session.StartsAt)
            throw new ReceptionStateException("接访尚未开始，不能登记接谈记录。");
        if (appointment is not null && appointment.SessionId != session.Id)
            throw new ReceptionStateException("该预约不属于本场接访。");
        return new InterviewRecord
        {
            SessionId = session.Id,
            Session = session,
            AppointmentId = appointment?.Id,
            VisitorName = visitorName,
            VisitorPhone = string.IsNullOrWhiteSpace(visitorPhone) ? null : visitorPhone,
            Issue = issue,
            Instruction = string.IsNullOrWhiteSpace(instruction) ? null : instruction,
            RecordedAt = nowUtc,
            RecordedById = by.UserId ?? "",
            RecordedByName = by.Name,
            OpinionSubmissionKey = Guid.NewGuid(),
        };
    }

    /// <summary>Links the opinion registered from this record; a record makes at most one opinion.</summary>
    public void LinkOpinion(int opinionId, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(opinionId);
        if (OpinionId is { } existing && existing != opinionId)
            throw new ReceptionStateException("该接谈记录已登记为意见。");
        OpinionId = opinionId;
        OpinionLinkedAt ??= nowUtc;
    }
}
