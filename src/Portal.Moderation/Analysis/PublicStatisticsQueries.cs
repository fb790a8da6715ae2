using Microsoft.Extensions.Caching.Memory;

namespace Portal.Moderation.Analysis;

/// <summary>
/// The public statistics page ("你说我办"): the last twelve months by month and by department, no personal
/// data. The same for every visitor, so it is computed at most every <see cref="CacheFor"/> per server.
/// </summary>
public sealed class PublicStatisticsQueries(StatisticsQueries statistics, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    public async Task<PublicStatistics> GetAsync(CancellationToken ct = default)
    {
        var today = statistics.Today();
        return (await cache.GetOrCreateAsync($"public-statistics:{today:yyyyMMdd}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await ComputeAsync(today, ct).ConfigureAwait(false);
        }).ConfigureAwait(false))!;
    }

    private async Task<PublicStatistics> ComputeAsync(DateOnly today, CancellationToken ct)
    {
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var filter = new StatisticsFilter(new DateRange(firstMonth, today));
        var volume = await statistics.GetVolumeAsync(filter, ct).ConfigureAwait(false);
        var completions = await statistics.GetCompletionsByDayAsync(filter, ct).ConfigureAwait(false);
        var figures = await statistics.GetFiguresAsync(filter, ct).ConfigureAwait(false);
        var departments = await statistics.GetRankingAsync(filter, ct).ConfigureAwait(false);

        var months = VolumeBuckets.Starts(filter.Period, BucketSize.Month).Select((start, i) =>
        {
            var done = completions.Where(c => c.Day.Year == start.Year && c.Day.Month == start.Month).ToList();
            return new MonthFigures(start.Year, start.Month, volume.ByKind.Sum(l => l.Values[i]), done.Sum(c => c.Completed), done.Sum(c => c.OnTime));
        });
        return new PublicStatistics(filter.Period, [.. months], departments, figures.Current, clock.GetUtcNow().UtcDateTime);
    }
}
