using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Analysis;

/// <summary>
/// The leaders' statistics (分析研判): figures with their change against the previous period, volume series,
/// top areas, satisfaction and the department ranking, for a period and optional filters. Definitions and
/// formulas: ADR-009. Every view is a handful of SQL aggregations over indexed columns.
/// </summary>
public sealed class StatisticsQueries(IDbContextFactory<PortalDbContext> dbFactory, DeadlinePolicy deadlines, TimeProvider clock)
{
    public const int TopAreaCount = 10;

    /// <summary>Today in the portal's time zone.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(deadlines.ToLocal(clock.GetUtcNow().UtcDateTime));

    public async Task<DashboardView> GetDashboardAsync(StatisticsFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var watch = Stopwatch.StartNew();
        var figures = await GetFiguresAsync(filter, ct).ConfigureAwait(false);
        var volume = await GetVolumeAsync(filter, ct).ConfigureAwait(false);
        var areas = await GetTopAreasAsync(filter, ct).ConfigureAwait(false);
        var ratings = await RatingsByDepartmentAsync(filter, ct).ConfigureAwait(false);
        var ranking = await GetRankingAsync(filter, ratings, ct).ConfigureAwait(false);
        return new DashboardView(filter, figures, volume, areas, ratings.Satisfaction, ranking, watch.Elapsed);
    }

    /// <summary>
    /// The period's figures and the previous period's. <see cref="PeriodFigures.Overdue"/> is "overdue now"
    /// compared with the same instant one period earlier, or with <paramref name="overdueAtPeriodEnd"/> the
    /// overdue count at the end of each period (for briefings of periods that have ended).
    /// </summary>
    public Task<DashboardFigures> GetFiguresAsync(StatisticsFilter filter, CancellationToken ct = default) =>
        GetFiguresAsync(filter, overdueAtPeriodEnd: false, ct);

    /// <inheritdoc cref="GetFiguresAsync(StatisticsFilter, CancellationToken)"/>
    public async Task<DashboardFigures> GetFiguresAsync(StatisticsFilter filter, bool overdueAtPeriodEnd, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = filter.Period.Previous();
        var (range, previousRange) = (ToUtc(filter.Period), ToUtc(previous));
        var (at, previousAt) = overdueAtPeriodEnd
            ? (Min(range.To, now), Min(previousRange.To, now))
            : (now, now.AddDays(-filter.Period.Days));
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var current = await StatisticsSql.FiguresAsync(db, filter, range, at, now, ct).ConfigureAwait(false);
        var before = await StatisticsSql.FiguresAsync(db, filter, previousRange, previousAt, now, ct).ConfigureAwait(false);
        return new DashboardFigures(filter.Period, previous, current, before);

        static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    }

    public async Task<VolumeSeries> GetVolumeAsync(StatisticsFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var range = ToUtc(filter.Period);
        var offset = OffsetHours(range.From);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var opinions = StatisticsSql.Filtered(db, filter);
        var received = await StatisticsSql.ReceivedByDayAsync(opinions, range, offset, ct).ConfigureAwait(false);
        var names = await DepartmentNamesAsync(db, ct).ConfigureAwait(false);
        return VolumeBuckets.Build(filter.Period, received, names);
    }

    public async Task<IReadOnlyList<AreaCount>> GetTopAreasAsync(StatisticsFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var range = ToUtc(filter.Period);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await StatisticsSql.Filtered(db, filter)
            .Where(o => o.CreatedAt >= range.From && o.CreatedAt < range.To && o.Area != null && o.Area != "")
            .GroupBy(o => o.Area!)
            .Select(g => new { Area = g.Key, Count = g.Count() })
            .OrderByDescending(a => a.Count).ThenBy(a => a.Area)
            .Take(TopAreaCount)
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new AreaCount(r.Area, r.Count))];
    }

    public async Task<IReadOnlyList<DepartmentSatisfaction>> GetSatisfactionAsync(StatisticsFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (await RatingsByDepartmentAsync(filter, ct).ConfigureAwait(false)).Satisfaction;
    }

    public async Task<IReadOnlyList<DepartmentRankingRow>> GetRankingAsync(StatisticsFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await GetRankingAsync(filter, await RatingsByDepartmentAsync(filter, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    /// <summary>The ratings given in the period by department, read once for the satisfaction chart and the ranking.</summary>
    private async Task<RatingsByDepartment> RatingsByDepartmentAsync(StatisticsFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var names = await DepartmentNamesAsync(db, ct).ConfigureAwait(false);
        var rows = await SatisfactionByDepartmentAsync(db, filter, ToUtc(filter.Period), ct).ConfigureAwait(false);
        return new([.. rows.Select(r => r with { Department = Name(names, r.DepartmentId) }).OrderByDescending(r => r.Rate).ThenByDescending(r => r.Total)]);
    }

    private async Task<IReadOnlyList<DepartmentRankingRow>> GetRankingAsync(StatisticsFilter filter, RatingsByDepartment ratingsByDepartment, CancellationToken ct)
    {
        var range = ToUtc(filter.Period);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var opinions = StatisticsSql.Filtered(db, filter);

        var received = await opinions.Where(o => o.CreatedAt >= range.From && o.CreatedAt < range.To && o.DepartmentId != null)
            .GroupBy(o => o.DepartmentId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct).ConfigureAwait(false);
        var completed = await StatisticsSql.CompletedIn(opinions, range).Where(o => o.DepartmentId != null)
            .GroupBy(o => o.DepartmentId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count(), OnTime = g.Count(o => o.Deadline != null && o.CompletedAt <= o.Deadline) })
            .ToDictionaryAsync(x => x.Id, ct).ConfigureAwait(false);
        var open = await StatisticsSql.OpenNow(opinions).Where(o => o.DepartmentId != null)
            .GroupBy(o => o.DepartmentId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count(), Overdue = g.Count(o => o.Deadline < now) })
            .ToDictionaryAsync(x => x.Id, ct).ConfigureAwait(false);
        var ratings = ratingsByDepartment.Satisfaction.Where(r => r.DepartmentId is not null).ToDictionary(r => r.DepartmentId!.Value);

        var departments = await db.Departments.AsNoTracking()
            .Where(d => filter.DepartmentId == null || d.Id == filter.DepartmentId)
            .Select(d => new { d.Id, d.Name, d.IsActive })
            .ToListAsync(ct).ConfigureAwait(false);

        var rows = departments
            .Where(d => d.IsActive || received.ContainsKey(d.Id) || completed.ContainsKey(d.Id) || open.ContainsKey(d.Id))
            .Select(d =>
            {
                var done = completed.GetValueOrDefault(d.Id);
                var openNow = open.GetValueOrDefault(d.Id);
                var rated = ratings.GetValueOrDefault(d.Id);
                var onTime = Rates.Ratio(done?.OnTime ?? 0, done?.Count ?? 0);
                return new DepartmentRankingRow(0, d.Id, d.Name, received.GetValueOrDefault(d.Id), done?.Count ?? 0, done?.OnTime ?? 0, rated?.Rate,
                    rated?.Total ?? 0, openNow?.Count ?? 0, openNow?.Overdue ?? 0,
                    DepartmentScore.Of(onTime, rated?.Rate, openNow?.Count ?? 0, openNow?.Overdue ?? 0));
            });
        return DepartmentScore.Rank(rows);
    }

    /// <summary>Completed opinions per local day over the period (with how many were on time).</summary>
    internal async Task<List<DayCompletion>> GetCompletionsByDayAsync(StatisticsFilter filter, CancellationToken ct)
    {
        var range = ToUtc(filter.Period);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await StatisticsSql.CompletedByDayAsync(StatisticsSql.Filtered(db, filter), range, OffsetHours(range.From), ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DepartmentOption>> GetDepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The areas residents name most often (for the area filter).</summary>
    public async Task<IReadOnlyList<string>> GetAreasAsync(int max = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Opinions.AsNoTracking().Where(o => o.Area != null && o.Area != "")
            .GroupBy(o => o.Area!).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(max)
            .ToListAsync(ct).ConfigureAwait(false);
    }

    internal UtcRange ToUtc(DateRange period) => new(deadlines.StartOf(period.From), deadlines.EndOf(period.To));

    /// <summary>The zone's offset at the start of the period, used to shift UTC instants to local days in SQL.</summary>
    private double OffsetHours(DateTime utc) => (deadlines.ToLocal(utc) - utc).TotalHours;

    private static async Task<List<DepartmentSatisfaction>> SatisfactionByDepartmentAsync(PortalDbContext db, StatisticsFilter filter, UtcRange range, CancellationToken ct) =>
        await StatisticsSql.RatingsIn(db, StatisticsSql.Filtered(db, filter), range)
            .GroupBy(r => r.DepartmentId)
            .Select(g => new DepartmentSatisfaction(
                g.Key,
                "",
                g.Count(r => r.Rating == SatisfactionRating.Satisfied),
                g.Count(r => r.Rating == SatisfactionRating.BasicallySatisfied),
                g.Count(r => r.Rating == SatisfactionRating.Dissatisfied)))
            .ToListAsync(ct).ConfigureAwait(false);

    private static async Task<Dictionary<int, string>> DepartmentNamesAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct).ConfigureAwait(false);

    private static string Name(Dictionary<int, string> names, int? id) =>
        id is { } d && names.TryGetValue(d, out var name) ? name : "未交办";
}

/// <summary>Ratings in the period per department (named, best first).</summary>
internal sealed record RatingsByDepartment(IReadOnlyList<DepartmentSatisfaction> Satisfaction);
