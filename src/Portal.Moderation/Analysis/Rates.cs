namespace Portal.Moderation.Analysis;

/// <summary>Small arithmetic shared by the statistics: ratios and nearest-rank percentiles.</summary>
public static class Rates
{
    public static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>Nearest-rank percentile of sorted values (0 &lt; <paramref name="percent"/> ≤ 100); null when empty.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
            return null;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>The median: the middle value, or the mean of the two middle values.</summary>
    public static double? Median(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
            return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
