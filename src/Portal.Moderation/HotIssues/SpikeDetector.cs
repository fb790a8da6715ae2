using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Opinions;

namespace Portal.Moderation.HotIssues;

/// <summary>
/// Flags a department or an area whose weekly volume jumps well above its own baseline (ADR-008): the week
/// [end − 7 days, end) is a spike when its count c satisfies
/// <c>c ≥ MinCount</c> and <c>c &gt; mean + k · max(sd, √mean, 1)</c>, where mean and sd (population) are taken
/// over the <c>BaselineWeeks</c> weeks before it (weeks without opinions count as 0). The floor on sd keeps a
/// flat or tiny baseline from flagging noise. Rejected opinions do not count.
/// </summary>
public sealed class SpikeDetector(IDbContextFactory<PortalDbContext> dbFactory, IOptions<HotIssueOptions> options)
{
    public const string DepartmentDimension = "部门";
    public const string AreaDimension = "片区";

    public async Task<IReadOnlyList<Spike>> DetectAsync(DateTime weekEndingUtc, CancellationToken ct)
    {
        var settings = options.Value;
        var weekStart = weekEndingUtc.AddDays(-7);
        var from = weekStart.AddDays(-7 * settings.BaselineWeeks);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Opinions.AsNoTracking()
            .Where(o => o.CreatedAt >= from && o.CreatedAt < weekEndingUtc && o.Status != OpinionStatus.Rejected)
            .Select(o => new Row(o.Id, o.CreatedAt, o.Department != null ? o.Department.Name : null, o.Area))
            .ToListAsync(ct).ConfigureAwait(false);

        var spikes = new List<Spike>();
        spikes.AddRange(Detect(DepartmentDimension, rows, r => r.Department, weekStart, settings));
        spikes.AddRange(Detect(AreaDimension, rows, r => r.Area, weekStart, settings));
        return spikes.OrderByDescending(s => (s.ThisWeek - s.Baseline) / Math.Max(1, s.Baseline)).ThenBy(s => s.Dimension, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<Spike> Detect(string dimension, List<Row> rows, Func<Row, string?> key, DateTime weekStart, HotIssueOptions settings)
    {
        foreach (var group in rows.Where(r => !string.IsNullOrWhiteSpace(key(r))).GroupBy(r => key(r)!, StringComparer.Ordinal))
        {
            var thisWeek = group.Where(r => r.At >= weekStart).ToList();
            if (thisWeek.Count < settings.SpikeMinCount)
                continue;
            var weekly = new double[settings.BaselineWeeks];
            foreach (var row in group.Where(r => r.At < weekStart))
            {
                var index = (int)Math.Floor((weekStart - row.At).TotalDays / 7);
                if (index < weekly.Length)
                    weekly[index]++;
            }

            var (threshold, mean) = Threshold(weekly, settings.SpikeSigmas);
            if (thisWeek.Count > threshold)
                yield return new Spike(dimension, group.Key, thisWeek.Count, Math.Round(mean, 2), thisWeek.OrderBy(r => r.At).Select(r => r.Id).ToList(), Math.Round(threshold, 2));
        }
    }

    /// <summary>The count a week must exceed: mean + k · max(sd, √mean, 1).</summary>
    internal static (double Threshold, double Mean) Threshold(IReadOnlyList<double> weekly, double sigmas)
    {
        var mean = weekly.Count == 0 ? 0 : weekly.Average();
        var sd = weekly.Count == 0 ? 0 : Math.Sqrt(weekly.Sum(w => (w - mean) * (w - mean)) / weekly.Count);
        return (mean + (sigmas * Math.Max(Math.Max(sd, Math.Sqrt(mean)), 1)), mean);
    }

    private sealed record Row(int Id, DateTime At, string? Department, string? Area);
}
