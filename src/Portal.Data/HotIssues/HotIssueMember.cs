namespace Portal.Data.HotIssues;

/// <summary>An opinion's place in a hot-issue group. An opinion belongs to at most one group.</summary>
public sealed class HotIssueMember
{
    private HotIssueMember()
    {
    }

    internal HotIssueMember(int opinionId, DateTime opinionAt, double similarity, bool pinned, DateTime utcNow)
    {
        OpinionId = opinionId;
        OpinionAt = opinionAt;
        Similarity = similarity;
        IsPinned = pinned;
        JoinedAt = utcNow;
    }

    public long Id { get; private set; }

    public int GroupId { get; private set; }

    public int OpinionId { get; private set; }

    /// <summary>When the opinion came in (copied from it, so a group knows its first and last date).</summary>
    public DateTime OpinionAt { get; private set; }

    /// <summary>The score with which the grouping placed it (1 for the opinion that started the group).</summary>
    public double Similarity { get; private set; }

    /// <summary>Placed by a person (merge or split): a rebuild keeps it where it is.</summary>
    public bool IsPinned { get; private set; }

    public DateTime JoinedAt { get; private set; }

    internal void Pin() => IsPinned = true;
}
