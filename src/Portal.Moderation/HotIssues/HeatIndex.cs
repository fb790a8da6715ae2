namespace Portal.Moderation.HotIssues;

/// <summary>
/// The heat index of a hot issue (ADR-008):
/// <c>heat = (R + 0.5·(N − R) + 3·ln(1 + S)) · 2^(−Δ / T½)</c>, where N is the number of opinions, R the
/// distinct residents among them (R ≤ N), S the residents' supports (附议) of those opinions, Δ the days
/// from the group's latest opinion to the reference time and T½ the half-life (14 days by default).
/// A distinct resident weighs 1, a repeat opinion from the same resident 0.5, and supports count with
/// diminishing returns (10 supports ≈ 7.2, 100 ≈ 13.8), so that many residents outrank one loud one.
/// </summary>
public static class HeatIndex
{
    public static double Compute(int opinions, int residents, int supports, DateTime lastAt, DateTime reference, double halfLifeDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(opinions);
        ArgumentOutOfRangeException.ThrowIfNegative(supports);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfLifeDays);
        residents = Math.Clamp(residents, 0, opinions);
        var ageDays = Math.Max(0, (reference - lastAt).TotalDays);
        var volume = residents + (0.5 * (opinions - residents)) + (3 * Math.Log(1 + supports));
        return Math.Round(volume * Math.Pow(2, -ageDays / halfLifeDays), 2);
    }
}
