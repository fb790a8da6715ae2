namespace Portal.Data.Opinions;

/// <summary>
/// One step of the case history (四单一记录). Append-only: the DbContext refuses to update or delete it.
/// </summary>
public sealed class OpinionEvent
{
    public const int MaxNoteLength = 1000;

    private OpinionEvent()
    {
    }

    internal OpinionEvent(OpinionAction action, OpinionStatus? from, OpinionStatus to, ActorRef by, string? note, DateTime utcNow)
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

    public int OpinionId { get; private set; }

    public OpinionAction Action { get; private set; }

    public OpinionStatus? FromStatus { get; private set; }

    public OpinionStatus ToStatus { get; private set; }

    public string? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTime OccurredAt { get; private set; }
}
