using Portal.Data.Opinions;

namespace Portal.Data.Pledges;

/// <summary>One step of a pledge's history. Append-only: the DbContext and the database refuse to change or delete it.</summary>
public sealed class PledgeEvent
{
    public const int MaxNoteLength = 1000;

    private PledgeEvent()
    {
    }

    internal PledgeEvent(PledgeAction action, PledgeStatus? from, PledgeStatus to, ActorRef by, string? note, DateTime utcNow)
    {
        Action = action;
        FromStatus = from;
        ToStatus = to;
        ActorUserId = by.UserId;
        ActorName = by.Name;
        Note = note is { Length: > MaxNoteLength } ? note[..MaxNoteLength] : note;
        OccurredAt = utcNow;
    }

    public long Id { get; private set; }

    public int PledgeId { get; private set; }

    public PledgeAction Action { get; private set; }

    public PledgeStatus? FromStatus { get; private set; }

    public PledgeStatus ToStatus { get; private set; }

    public string? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTime OccurredAt { get; private set; }
}
