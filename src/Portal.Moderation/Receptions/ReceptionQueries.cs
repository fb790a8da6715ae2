using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Receptions;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Receptions;

/// <summary>
/// Read models of reception sessions for the public pages, the staff workspace and the calendar feeds.
/// Public lists show every session that has not ended yet, scheduled or cancelled (with the reason).
/// </summary>
public sealed class ReceptionQueries(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    TimeProvider clock,
    IOptions<ReceptionOptions> options)
{
    public async Task<IReadOnlyList<SessionListItem>> UpcomingAsync(int? hostId = null, int? studioId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await ListAsync(s => s.EndsAt > now && s.Status != ReceptionSessionStatus.Held
            && (hostId == null || s.HostId == hostId) && (studioId == null || s.StudioId == studioId), ct).ConfigureAwait(false);
    }

    /// <summary>Upcoming sessions grouped by local calendar month, earliest first.</summary>
    public async Task<IReadOnlyList<SessionMonth>> UpcomingByMonthAsync(int? hostId = null, int? studioId = null, CancellationToken ct = default) =>
        ByMonth(await UpcomingAsync(hostId, studioId, ct).ConfigureAwait(false));

    public static IReadOnlyList<SessionMonth> ByMonth(IEnumerable<SessionListItem> sessions) =>
        [.. sessions.GroupBy(s => (s.StartsLocal.Year, s.StartsLocal.Month))
            .OrderBy(g => g.Key)
            .Select(g => new SessionMonth(g.Key.Year, g.Key.Month, [.. g.OrderBy(s => s.StartsAtUtc)]))];

    /// <summary>Sessions for a calendar feed: from <see cref="ReceptionOptions.CalendarDaysBack"/> days ago on, any status.</summary>
    public async Task<IReadOnlyList<SessionListItem>> ForCalendarAsync(int? hostId = null, int? studioId = null, CancellationToken ct = default)
    {
        var from = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.CalendarDaysBack);
        return await ListAsync(s => s.StartsAt >= from && (hostId == null || s.HostId == hostId) && (studioId == null || s.StudioId == studioId), ct).ConfigureAwait(false);
    }

    /// <summary>The calendar grid of a local month with every session starting in it, whatever its status.</summary>
    public async Task<MonthGrid> MonthAsync(int year, int month, CancellationToken ct = default)
    {
        var first = new DateTime(year, month, 1);
        var (fromUtc, toUtc) = (time.ToUtc(first), time.ToUtc(first.AddMonths(1)));
        var sessions = await ListAsync(s => s.StartsAt >= fromUtc && s.StartsAt < toUtc, ct).ConfigureAwait(false);
        return MonthGrid.Build(year, month, sessions, DateOnly.FromDateTime(time.ToLocal(clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>The portal's local date today.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(time.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>Every session from <paramref name="fromUtc"/> on (staff workspace).</summary>
    public Task<IReadOnlyList<SessionListItem>> AllFromAsync(DateTime fromUtc, CancellationToken ct = default) =>
        ListAsync(s => s.StartsAt >= fromUtc, ct);

    public async Task<SessionListItem?> GetSessionAsync(int id, CancellationToken ct = default) =>
        (await ListAsync(s => s.Id == id, ct).ConfigureAwait(false)).SingleOrDefault();

    public async Task<HostView?> GetHostAsync(int id, CancellationToken ct = default) =>
        (await HostsAsync(ct).ConfigureAwait(false)).SingleOrDefault(h => h.Id == id);

    public async Task<StudioView?> GetStudioAsync(int id, CancellationToken ct = default) =>
        (await StudiosAsync(ct).ConfigureAwait(false)).SingleOrDefault(s => s.Id == id);

    public async Task<IReadOnlyList<HostView>> HostsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.ReceptionHosts.AsNoTracking().Where(h => h.IsActive).OrderBy(h => h.Kind).ThenBy(h => h.Id)
            .Select(h => new HostView(h.Id, h.Name, h.Post, h.Responsibilities, h.Kind, h.RequiredReceptionsPerYear, h.RequiredVisitsPerYear, h.Version))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StudioView>> StudiosAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.DeputyStudios.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new StudioView(s.Id, s.Name, s.Address, s.Phone, s.ReceptionDays, s.Version))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<SessionListItem>> ListAsync(System.Linq.Expressions.Expression<Func<ReceptionSession, bool>> filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.ReceptionSessions.AsNoTracking().Where(filter).OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                s.Id, s.HostId, HostName = s.Host!.Name, HostPost = s.Host.Post, HostResponsibilities = s.Host.Responsibilities, HostKind = s.Host.Kind,
                s.StartsAt, s.EndsAt, s.StudioId, StudioName = s.Studio == null ? null : s.Studio.Name, StudioAddress = s.Studio == null ? null : s.Studio.Address,
                s.Address, s.Method, s.Focus, s.Capacity, s.BookedCount, s.Status, s.CancellationReason, s.Version, s.ShortNoticeReason,
            })
            .ToListAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var hours = options.Value.BookingClosesHoursBefore;
        return [.. rows.Select(r =>
        {
            var closes = r.StartsAt.AddHours(-hours);
            var place = r.StudioName is null ? r.Address ?? "" : r.Address is null ? $"{r.StudioName}（{r.StudioAddress}）" : $"{r.StudioName}（{r.Address}）";
            return new SessionListItem(
                r.Id, r.HostId, r.HostName, r.HostPost, r.HostResponsibilities, r.HostKind, r.StartsAt, r.EndsAt,
                time.ToLocal(r.StartsAt), time.ToLocal(r.EndsAt), r.StudioId, r.StudioName, place, r.Method, r.Focus,
                r.Capacity, r.BookedCount, r.Status, r.CancellationReason, time.ToLocal(closes),
                r.Status == ReceptionSessionStatus.Scheduled && now < closes && r.BookedCount < r.Capacity, r.Version, r.ShortNoticeReason);
        })];
    }
}
