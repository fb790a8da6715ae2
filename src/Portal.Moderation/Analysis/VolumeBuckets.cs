using Portal.Data.Opinions;

namespace Portal.Moderation.Analysis;

/// <summary>Turns per-day counts into the chart's buckets (days, weeks from Monday, or months).</summary>
internal static class VolumeBuckets
{
    public static BucketSize For(DateRange period) => period.Days switch
    {
        <= 31 => BucketSize.Day,
        <= 183 => BucketSize.Week,
        _ => BucketSize.Month,
    };

    public static DateOnly StartOf(DateOnly day, BucketSize size) => size switch
    {
        BucketSize.Day => day,
        BucketSize.Week => PeriodPresets.WeekStart(day),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    public static IReadOnlyList<DateOnly> Starts(DateRange period, BucketSize size)
    {
        var starts = new List<DateOnly>();
        for (var start = StartOf(period.From, size); start <= period.To; start = Next(start, size))
            starts.Add(start);
        return starts;
    }

    public static DateOnly Next(DateOnly start, BucketSize size) => size switch
    {
        BucketSize.Day => start.AddDays(1),
        BucketSize.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };

    public static string Label(DateOnly start, BucketSize size) => size switch
    {
        BucketSize.Day => $"{start.Month}/{start.Day}",
        BucketSize.Week => $"{start.Month}/{start.Day}周",
        _ => start.Month == 1 ? $"{start.Year}年1月" : $"{start.Month}月",
    };

    public static VolumeSeries Build(DateRange period, IReadOnlyList<DayVolume> received, IReadOnlyDictionary<int, string> departmentNames)
    {
        var size = For(period);
        var starts = Starts(period, size);
        var index = starts.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);

        IReadOnlyList<SeriesLine> Lines(Func<DayVolume, string> name) =>
            [.. received.GroupBy(name)
                .Select(g =>
                {
                    var values = new int[starts.Count];
                    foreach (var c in g)
                    {
                        if (index.TryGetValue(StartOf(c.Day, size), out var i))
                            values[i] += c.Count;
                    }

                    return new SeriesLine(g.Key, values);
                })
                .OrderByDescending(l => l.Total)];

        return new VolumeSeries(
            size,
            [.. starts.Select(s => Label(s, size))],
            Lines(c => c.DepartmentId is { } d && departmentNames.TryGetValue(d, out var n) ? n : "未交办"),
            Lines(c => OpinionText.Of(c.Kind)));
    }
}
