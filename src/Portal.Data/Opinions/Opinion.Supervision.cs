namespace Portal.Data.Opinions;

/// <summary>The steps of deadline supervision (督办) and extensions (延期) in the case history.</summary>
public sealed partial class Opinion
{
    private static readonly OpinionAction[] SupervisionActions =
    [
        OpinionAction.Reminded, OpinionAction.Supervised, OpinionAction.ExtensionRequested,
        OpinionAction.ExtensionRefused, OpinionAction.SupervisionCleared,
    ];

    /// <summary>Whether the case is with a department and its time limit runs.</summary>
    public bool IsUnderDeadline => Status is OpinionStatus.Assigned or OpinionStatus.InProgress && Deadline is not null;

    /// <summary>
    /// Appends a supervision step (reminder, notice, extension request or refusal, notices cleared) to the
    /// history. It changes neither the state nor the version, so a handler's open page stays current.
    /// </summary>
    public void RecordSupervisionStep(OpinionAction action, ActorRef by, string note, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        if (!SupervisionActions.Contains(action))
            throw new ArgumentOutOfRangeException(nameof(action), action, "Not a supervision step.");
        AddEvent(action, Status, Status, by, note, utcNow);
    }

    /// <summary>An approved extension: the time limit moves to <paramref name="newDeadline"/>.</summary>
    public void ExtendDeadline(DateTime newDeadline, ActorRef by, string note, DateTime utcNow)
    {
        Require(OpinionAction.ExtensionApproved, OpinionStatus.Assigned, OpinionStatus.InProgress);
        if (Deadline is not { } current || newDeadline <= current)
            throw new OpinionStateException("新的办理时限必须晚于当前时限。");
        Deadline = newDeadline;
        ExtensionCount++;
        AddEvent(OpinionAction.ExtensionApproved, Status, Status, by, note, utcNow);
        Touch(utcNow);
    }

    /// <summary>How many times the time limit was extended (shown to the resident).</summary>
    public int ExtensionCount { get; private set; }
}
