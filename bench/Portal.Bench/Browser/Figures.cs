using Portal.Benchmarks;

namespace Portal.Bench.Browser;

/// <summary>The small statistics the browser measurements report: medians, percentiles and a fitted slope.</summary>
internal static class Figures
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>The nearest-rank percentile (<paramref name="percent"/> in 0–100) of at least one value.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var all = values.ToArray();
        return all.Length == 0 ? throw new ArgumentException("No values.", nameof(values)) : Percentiles.Of(all, percent);
    }

    /// <summary>The least-squares slope of y over x.</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var covariance = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return variance == 0 ? throw new ArgumentException("The points need at least two different x.", nameof(points)) : covariance / variance;
    }
}
