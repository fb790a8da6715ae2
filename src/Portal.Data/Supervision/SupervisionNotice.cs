namespace Portal.Data.Supervision;

/// <summary>
/// A reminder (催办) or a supervision notice (督办单) issued for one step of one assignment: the opinion, the
/// department and the deadline it was issued against, and its level. A unique index makes a second notice
/// for the same step impossible; a notice is cleared (never deleted) when the case completes, the deadline
/// is extended or the department returns the case.
/// </summary>
public sealed class SupervisionNotice
{
    public const int MaxReasonLength = 100;

    private SupervisionNotice()
    {
    }

    public long Id { get; private set; }

    public int OpinionId { get; private set; }

    public int DepartmentId { get; private set; }

    public SupervisionLevel Level { get; private set; }

    /// <summary>The deadline (UTC) this notice was issued against.</summary>
    public DateTime Deadline { get; private set; }

    public DateTime IssuedAt { get; private set; }

    public DateTime? ClearedAt { get; private set; }

    public string? ClearReason { get; private set; }

    public bool IsOpen => ClearedAt is null;

    public static SupervisionNotice Issue(int opinionId, int departmentId, SupervisionLevel level, DateTime deadline, DateTime utcNow) =>
        new() { OpinionId = opinionId, DepartmentId = departmentId, Level = level, Deadline = deadline, IssuedAt = utcNow };

    public void Clear(string reason, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (ClearedAt is not null)
            return;
        ClearedAt = utcNow;
        ClearReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
    }

    /// <summary>The case came back (a moderator asked for a revision) with the same deadline: the notice applies again.</summary>
    public void Reactivate()
    {
        ClearedAt = null;
        ClearReason = null;
    }
}
