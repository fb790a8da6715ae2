namespace Portal.Moderation.Analysis;

/// <summary>
/// The composite score of the department ranking (like the 12345 hotline bulletins), 0–100:
/// 40 × 按期办结率 + 40 × 满意率 + 20 × (1 − 超期率), where 超期率 = overdue now / open now (0 with nothing
/// open). A rate the period has no data for (nothing completed, nothing rated) is left out and the remaining
/// weights are scaled up to 100; a department with neither rate gets no score and is ranked last.
/// </summary>
public static class DepartmentScore
{
    public const double OnTimeWeight = 40;
    public const double SatisfactionWeight = 40;
    public const double OverdueWeight = 20;

    public static double? Of(double? onTimeRate, double? satisfactionRate, int openNow, int overdueNow)
    {
        if (onTimeRate is null && satisfactionRate is null)
            return null;
        var overdueControl = openNow == 0 ? 1.0 : 1.0 - ((double)Math.Min(overdueNow, openNow) / openNow);
        double sum = OverdueWeight * overdueControl, weights = OverdueWeight;
        if (onTimeRate is { } onTime)
        {
            sum += OnTimeWeight * onTime;
            weights += OnTimeWeight;
        }

        if (satisfactionRate is { } satisfaction)
        {
            sum += SatisfactionWeight * satisfaction;
            weights += SatisfactionWeight;
        }

        return Math.Round(sum / weights * 100, 1);
    }

    /// <summary>Orders rows by score (none last), then by volume, and numbers them 1, 2, 3 (ties share a rank).</summary>
    public static IReadOnlyList<DepartmentRankingRow> Rank(IEnumerable<DepartmentRankingRow> rows)
    {
        var ordered = rows.OrderByDescending(r => r.Score.HasValue).ThenByDescending(r => r.Score)
            .ThenByDescending(r => r.Received).ThenBy(r => r.Department, StringComparer.Ordinal).ToList();
        var ranked = new List<DepartmentRankingRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score && ordered[i].Score is not null ? ranked[i - 1].Rank : i + 1;
            ranked.Add(ordered[i] with { Rank = rank });
        }

        return ranked;
    }
}
