using System.Diagnostics;

namespace Portal.Cli.Routing;

/// <summary>Times calls with <see cref="Stopwatch"/> ticks and summarises them in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<long> _ticks = [];

    public int Count => _ticks.Count;

    public T Time<T>(Func<T> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = call();
        _ticks.Add(Stopwatch.GetTimestamp() - start);
        return result;
    }

    /// <summary>The nearest-rank percentile (0 &lt; <paramref name="percent"/> ≤ 100) in milliseconds; 0 when nothing was timed.</summary>
    public double PercentileMs(double percent)
    {
        if (_ticks.Count == 0)
            return 0;
        var sorted = _ticks.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return ToMs(sorted[Math.Clamp(rank, 1, sorted.Length) - 1]);
    }

    public double MeanMs() => _ticks.Count == 0 ? 0 : ToMs((long)_ticks.Average());

    public static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
