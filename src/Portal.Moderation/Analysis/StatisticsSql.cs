using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;

namespace Portal.Moderation.Analysis;

/// <summary>A UTC half-open interval [From, To) matching a run of local days.</summary>
internal readonly record struct UtcRange(DateTime From, DateTime To);

/// <summary>
/// The aggregations behind the dashboard, each one SQL statement (GROUP BY with conditional counts) over the
/// indexed instants of an opinion; only the completion durations of a period come back row by row, for the
/// median and the 90th percentile.
/// </summary>
internal static class StatisticsSql
{
    private static readonly OpinionStatus[] Open = [OpinionStatus.Assigned, OpinionStatus.InProgress];

    public static IQueryable<Opinion> Filtered(PortalDbContext db, StatisticsFilter filter) => Filtered(db.Opinions.AsNoTracking(), filter);

    public static IQueryable<Opinion> Filtered(IQueryable<Opinion> query, StatisticsFilter filter)
    {
        if (filter.DepartmentId is { } department)
            query = query.Where(o => o.DepartmentId == department);
        if (!string.IsNullOrWhiteSpace(filter.Area))
            query = query.Where(o => o.Area == filter.Area);
        if (filter.Kind is { } kind)
            query = query.Where(o => o.Kind == kind);
        if (filter.Channel is { } channel)
            query = query.Where(o => o.Channel == channel);
        return query;
    }

    /// <summary>Opinions completed in the range whose completion still stands (not sent back or reopened).</summary>
    /// <remarks>
    /// Only completed or published opinions have a completion time (a revision request or a reopening clears it),
    /// so the time alone selects them. Adding the status would let SQLite's planner pick the (Status, Deadline)
    /// index and read every completed opinion instead of the range (0.5 s against 0.01 s at 100,000 opinions).
    /// </remarks>
    public static IQueryable<Opinion> CompletedIn(IQueryable<Opinion> opinions, UtcRange range) =>
        opinions.Where(o => o.CompletedAt >= range.From && o.CompletedAt < range.To);

    /// <summary>Ratings given in the range on opinions that pass the filter.</summary>
    public static IQueryable<RatingRow> RatingsIn(PortalDbContext db, IQueryable<Opinion> opinions, UtcRange range) =>
        from s in db.Satisfactions.AsNoTracking()
        where s.RatedAt >= range.From && s.RatedAt < range.To
        join o in opinions on s.OpinionId equals o.Id
        select new RatingRow { DepartmentId = o.DepartmentId, Rating = s.Rating };

    /// <summary>
    /// Opinions overdue at <paramref name="at"/>: assigned by then, past their deadline, and not completed by
    /// then. At "now" this is exactly <see cref="Opinion.IsOverdue"/>; earlier instants use today's deadlines.
    /// </summary>
    public static IQueryable<Opinion> OverdueAt(IQueryable<Opinion> opinions, DateTime at) =>
        opinions.Where(o => o.Deadline < at && o.FirstAssignedAt <= at
            && ((o.Status == OpinionStatus.Assigned || o.Status == OpinionStatus.InProgress)
                || (o.CompletedAt > at && (o.Status == OpinionStatus.Completed || o.Status == OpinionStatus.Published))));

    /// <summary>
    /// The opinions read through <c>IX_Opinions_Dashboard_Completed</c> (completion time first, covering the
    /// dashboard's filters). Given a completion-time range together with conditions on the status or deadline,
    /// SQLite's planner prefers the (Status, Deadline) index and reads nearly every opinion; this pins the plan.
    /// </summary>
    public static IQueryable<Opinion> ByCompletionTime(PortalDbContext db) =>
        db.Opinions.FromSqlRaw("""SELECT * FROM "Opinions" INDEXED BY "IX_Opinions_Dashboard_Completed" """).AsNoTracking();

    /// <summary>
    /// <see cref="OverdueAt"/> counted as two index searches: the open ones (status, deadline) and those
    /// completed only after <paramref name="at"/> (completion time), instead of one scan of every opinion.
    /// </summary>
    public static async Task<int> CountOverdueAtAsync(PortalDbContext db, StatisticsFilter filter, DateTime at, DateTime now, CancellationToken ct)
    {
        var open = await Filtered(db, filter).CountAsync(o => (o.Status == OpinionStatus.Assigned || o.Status == OpinionStatus.InProgress)
            && o.Deadline < at && o.FirstAssignedAt <= at, ct).ConfigureAwait(false);
        if (at >= now)
            return open;
        var completedLater = await Filtered(ByCompletionTime(db), filter).CountAsync(o => o.CompletedAt > at
            && (o.Status == OpinionStatus.Completed || o.Status == OpinionStatus.Published)
            && o.Deadline < at && o.FirstAssignedAt <= at, ct).ConfigureAwait(false);
        return open + completedLater;
    }

    public static async Task<PeriodFigures> FiguresAsync(PortalDbContext db, StatisticsFilter filter, UtcRange range, DateTime overdueAt, DateTime now, CancellationToken ct)
    {
        var opinions = Filtered(db, filter);
        var (received, registered, assigned, published) = await StepCountsAsync(opinions, filter, range, ct).ConfigureAwait(false);

        var completed = await CompletedIn(opinions, range)
            .GroupBy(o => 1)
            .Select(g => new
            {
                Count = g.Count(),
                OnTime = g.Count(o => o.Deadline != null && o.CompletedAt <= o.Deadline),
                Replied = g.Count(o => o.Status == OpinionStatus.Published),
            })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false); // one group (or none): a constant key

        // Without a filter every rating counts (its opinion always exists: a required foreign key), so the
        // ratings are counted on their own index instead of joined to their opinions row by row.
        var rated = filter is { DepartmentId: null, Kind: null, Channel: null } && string.IsNullOrWhiteSpace(filter.Area)
            ? db.Satisfactions.AsNoTracking().Where(s => s.RatedAt >= range.From && s.RatedAt < range.To).Select(s => s.Rating)
            : RatingsIn(db, opinions, range).Select(r => r.Rating);
        var ratings = await rated
            .GroupBy(r => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Satisfied = g.Count(r => r == SatisfactionRating.Satisfied || r == SatisfactionRating.BasicallySatisfied),
            })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);

        var durations = await CompletionDurations.SortedDaysAsync(db, filter, range, ct).ConfigureAwait(false);
        var overdue = await CountOverdueAtAsync(db, filter, overdueAt, now, ct).ConfigureAwait(false);

        return new PeriodFigures(
            received, registered, assigned, completed?.Count ?? 0, published, completed?.OnTime ?? 0, completed?.Replied ?? 0,
            ratings?.Count ?? 0, ratings?.Satisfied ?? 0, Rates.Median(durations), Rates.Percentile(durations, 90), overdue);
    }

    /// <summary>
    /// Opinions received, registered, first assigned and published in the range. Unfiltered, each is a count
    /// over its own index; for one department, whose index narrows the rows to that department's, the rows are
    /// read once with four conditional counts instead of four times.
    /// </summary>
    private static async Task<(int Received, int Registered, int Assigned, int Published)> StepCountsAsync(
        IQueryable<Opinion> opinions, StatisticsFilter filter, UtcRange range, CancellationToken ct)
    {
        if (filter.DepartmentId is null)
        {
            return (
                await opinions.CountAsync(o => o.CreatedAt >= range.From && o.CreatedAt < range.To, ct).ConfigureAwait(false),
                await opinions.CountAsync(o => o.RegisteredAt >= range.From && o.RegisteredAt < range.To, ct).ConfigureAwait(false),
                await opinions.CountAsync(o => o.FirstAssignedAt >= range.From && o.FirstAssignedAt < range.To, ct).ConfigureAwait(false),
                await opinions.CountAsync(o => o.PublishedAt >= range.From && o.PublishedAt < range.To, ct).ConfigureAwait(false));
        }

        var counts = await opinions
            .GroupBy(o => 1)
            .Select(g => new
            {
                Received = g.Count(o => o.CreatedAt >= range.From && o.CreatedAt < range.To),
                Registered = g.Count(o => o.RegisteredAt >= range.From && o.RegisteredAt < range.To),
                Assigned = g.Count(o => o.FirstAssignedAt >= range.From && o.FirstAssignedAt < range.To),
                Published = g.Count(o => o.PublishedAt >= range.From && o.PublishedAt < range.To),
            })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return counts is null ? default : (counts.Received, counts.Registered, counts.Assigned, counts.Published);
    }

    /// <summary>Received opinions per local day, department (null: not assigned) and kind, in one pass.</summary>
    public static async Task<List<DayVolume>> ReceivedByDayAsync(IQueryable<Opinion> opinions, UtcRange range, double offsetHours, CancellationToken ct) =>
        await opinions.Where(o => o.CreatedAt >= range.From && o.CreatedAt < range.To)
            .GroupBy(o => new { Day = DateOnly.FromDateTime(o.CreatedAt.AddHours(offsetHours)), o.DepartmentId, o.Kind })
            .Select(g => new DayVolume(g.Key.Day, g.Key.DepartmentId, g.Key.Kind, g.Count()))
            .ToListAsync(ct).ConfigureAwait(false);

    /// <summary>Completed opinions per local day (with how many on time).</summary>
    public static async Task<List<DayCompletion>> CompletedByDayAsync(IQueryable<Opinion> opinions, UtcRange range, double offsetHours, CancellationToken ct) =>
        await CompletedIn(opinions, range)
            .GroupBy(o => DateOnly.FromDateTime(o.CompletedAt!.Value.AddHours(offsetHours)))
            .Select(g => new DayCompletion(g.Key, g.Count(), g.Count(o => o.Deadline != null && o.CompletedAt <= o.Deadline)))
            .ToListAsync(ct).ConfigureAwait(false);

    public static IQueryable<Opinion> OpenNow(IQueryable<Opinion> opinions) => opinions.Where(o => Open.Contains(o.Status));
}

/// <summary>A rating with its opinion's department (member-initialised so that EF can group by its members).</summary>
internal sealed class RatingRow
{
    public int? DepartmentId { get; init; }

    public SatisfactionRating Rating { get; init; }
}

internal sealed record DayVolume(DateOnly Day, int? DepartmentId, OpinionKind Kind, int Count);

internal sealed record DayCompletion(DateOnly Day, int Completed, int OnTime);
