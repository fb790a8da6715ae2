using Portal.Moderation.Analysis;
using Portal.Moderation.Analysis.Briefings;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.HotIssues;

/// <summary>
/// Supplies the periodic briefing (研判报告) with the period's hottest issue groups and the spikes of its weeks:
/// every week that ends inside the period is checked, and a department or area that spiked more than once is listed
/// with its biggest week.
/// </summary>
public sealed class HotIssueBriefingSource(HotIssueQueries hotIssues, SpikeDetector spikes, DeadlinePolicy time) : IBriefingHotIssueSource
{
    public async Task<IReadOnlyList<BriefingHotIssue>> GetTopHotIssuesAsync(DateRange period, int max, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (fromUtc, toUtc) = Bounds(period);
        var top = await hotIssues.GetTopAsync(fromUtc, toUtc, max, ct).ConfigureAwait(false);
        return [.. top.Select(h => new BriefingHotIssue(h.Title, h.OpinionCount, h.Heat))];
    }

    public async Task<IReadOnlyList<BriefingSpike>> GetSpikesAsync(DateRange period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (fromUtc, toUtc) = Bounds(period);
        var found = new Dictionary<(string Dimension, string Name), BriefingSpike>();
        for (var weekEnd = toUtc; weekEnd > fromUtc; weekEnd = weekEnd.AddDays(-7))
        {
            foreach (var spike in await spikes.DetectAsync(weekEnd, ct).ConfigureAwait(false))
            {
                var key = (spike.Dimension, spike.Name);
                if (!found.TryGetValue(key, out var seen) || seen.ThisWeek < spike.ThisWeek)
                    found[key] = new BriefingSpike(spike.Dimension, spike.Name, spike.ThisWeek, spike.Baseline);
            }
        }

        return [.. found.Values.OrderByDescending(s => s.ThisWeek - s.Baseline)];
    }

    private (DateTime FromUtc, DateTime ToUtc) Bounds(DateRange period) =>
        (time.StartOf(period.From), time.EndOf(period.To));
}
