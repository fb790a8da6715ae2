using Portal.Data.Opinions;

namespace Portal.Data.Pledges;

/// <summary>
/// The evaluation round (评议) of one year, opened and closed by an administrator. While it is open, owners
/// assess themselves, members of the same branch review each other, residents rate and leaders comment; when
/// it closes, every fulfilled or overdue pledge of the year gets its computed grade.
/// </summary>
public sealed class PledgeEvaluationRound
{
    public const int MaxFormulaLength = 500;

    private PledgeEvaluationRound()
    {
    }

    public int Id { get; private set; }

    public int Year { get; private set; }

    public PledgeRoundStatus Status { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public string OpenedByName { get; private set; } = "";

    public DateTime? ClosedAt { get; private set; }

    public string? ClosedByName { get; private set; }

    /// <summary>The weights and thresholds the grades were computed with, as text (kept for the record).</summary>
    public string? Formula { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status == PledgeRoundStatus.Open;

    public static PledgeEvaluationRound Open(int year, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (year is < Pledge.MinYear or > Pledge.MaxYear)
            throw new PledgeStateException("评议年度不正确。");
        return new PledgeEvaluationRound { Year = year, Status = PledgeRoundStatus.Open, OpenedAt = utcNow, OpenedByName = by.Name };
    }

    /// <summary>Opens a closed round again (e.g. to finish pledges that had no entries); graded pledges keep their grade.</summary>
    public void Reopen(ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (IsOpen)
            throw new PledgeStateException($"{Year} 年度评议已在进行中。");
        Status = PledgeRoundStatus.Open;
        OpenedAt = utcNow;
        OpenedByName = by.Name;
        ClosedAt = null;
        ClosedByName = null;
        Version++;
    }

    public void Close(string formula, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsOpen)
            throw new PledgeStateException($"{Year} 年度评议已经结束。");
        Status = PledgeRoundStatus.Closed;
        ClosedAt = utcNow;
        ClosedByName = by.Name;
        Formula = formula is { Length: > MaxFormulaLength } ? formula[..MaxFormulaLength] : formula;
        Version++;
    }
}
