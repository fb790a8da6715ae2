using Portal.Data.Opinions;

namespace Portal.Data.HotIssues;

/// <summary>One staff action on a group. Append-only: the DbContext refuses to change or delete it.</summary>
public sealed class HotIssueEvent
{
    public const int MaxNoteLength = 1000;

    private HotIssueEvent()
    {
    }

    internal HotIssueEvent(HotIssueAction action, ActorRef by, string? note, int? otherGroupId, DateTime utcNow)
    {
        Action = action;
        ActorUserId = by.UserId;
        ActorName = by.Name;
        Note = note is { Length: > MaxNoteLength } ? note[..MaxNoteLength] : note;
        OtherGroupId = otherGroupId;
        OccurredAt = utcNow;
    }

    public long Id { get; private set; }

    public int GroupId { get; private set; }

    public HotIssueAction Action { get; private set; }

    public string? ActorUserId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string? Note { get; private set; }

    /// <summary>The group merged from / into / split from, when the action involves one.</summary>
    public int? OtherGroupId { get; private set; }

    public DateTime OccurredAt { get; private set; }
}
