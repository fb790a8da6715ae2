using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Pledges;

/// <summary>Read models of pledges for staff and residents: projections with no tracking.</summary>
public sealed class PledgeQueries(IDbContextFactory<PortalDbContext> dbFactory, DeadlinePolicy time, TimeProvider clock)
{
    /// <summary>A published pledge due within this many days is shown as due soon.</summary>
    public const int DueSoonDays = 14;

    private static readonly PledgeStatus[] PublicStatuses =
        [PledgeStatus.Published, PledgeStatus.Fulfilled, PledgeStatus.Overdue, PledgeStatus.Evaluated];

    private DateOnly Today => DateOnly.FromDateTime(time.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>Every pledge for staff: overdue first, then due soon, then by due day.</summary>
    public async Task<IReadOnlyList<PledgeStaffItem>> GetStaffListAsync(int? year = null, CancellationToken ct = default)
    {
        var today = Today;
        var soon = today.AddDays(DueSoonDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Pledges.AsNoTracking();
        if (year is { } y)
            query = query.Where(p => p.Year == y);
        var rows = await query.Select(p => new PledgeStaffItem(
                p.Id, p.Title, p.OwnerName, p.Branch, p.Kind, p.Year, p.DueDate, p.Status,
                p.Status == PledgeStatus.Published && p.DueDate >= today && p.DueDate <= soon,
                p.Status == PledgeStatus.Overdue || (p.Status == PledgeStatus.Published && p.DueDate < today),
                p.Grade, p.Progress.Count, p.Version))
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.OrderByDescending(r => r.IsOverdue).ThenByDescending(r => r.IsDueSoon).ThenBy(r => r.DueDate).ThenBy(r => r.Id).ToList();
    }

    /// <summary>The pledges that need attention: overdue ones and published ones due soon.</summary>
    public async Task<IReadOnlyList<PledgeStaffItem>> GetDueListAsync(CancellationToken ct = default) =>
        (await GetStaffListAsync(null, ct).ConfigureAwait(false)).Where(p => p.IsOverdue || p.IsDueSoon).ToList();

    public async Task<PagedResult<PledgeListItem>> GetPublicListAsync(PledgeFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pageSize = Math.Clamp(filter.PageSize, 5, 50);
        var page = Math.Max(1, filter.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Pledges.AsNoTracking().Where(p => PublicStatuses.Contains(p.Status));
        if (TextInput.Clean(filter.Branch) is { } branch)
            query = query.Where(p => p.Branch == branch);
        if (filter.Year is { } year)
            query = query.Where(p => p.Year == year);
        if (filter.Kind is { } kind)
            query = query.Where(p => p.Kind == kind);
        if (filter.Status is { } status)
            query = query.Where(p => p.Status == status);
        if (TextInput.Clean(filter.Search) is { } search)
        {
            search = search.Length > 50 ? search[..50] : search;
            query = query.Where(p => p.Title.Contains(search) || p.Content.Contains(search) || p.OwnerName.Contains(search));
        }

        var total = await query.CountAsync(ct).ConfigureAwait(false);
        var items = await query.OrderByDescending(p => p.Year).ThenBy(p => p.DueDate).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PledgeListItem(p.Id, p.Title, p.OwnerName, p.Branch, p.Kind, p.Year, p.Area, p.DueDate, p.Status, p.Ratings.Count))
            .ToListAsync(ct).ConfigureAwait(false);
        return new PagedResult<PledgeListItem>(items, total, page, pageSize);
    }

    public async Task<PledgeFilterOptions> GetFilterOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var visible = db.Pledges.AsNoTracking().Where(p => PublicStatuses.Contains(p.Status));
        var branches = await visible.Select(p => p.Branch).Distinct().ToListAsync(ct).ConfigureAwait(false);
        var years = await visible.Select(p => p.Year).Distinct().ToListAsync(ct).ConfigureAwait(false);
        return new PledgeFilterOptions(branches.Order(StringComparer.Ordinal).ToList(), years.OrderDescending().ToList());
    }

    /// <summary>A public pledge with its timeline and rating distribution, or null (unknown or not yet published).</summary>
    public async Task<PledgeDetail?> GetPublicDetailAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var p = await db.Pledges.AsNoTracking().Include(x => x.Events).Include(x => x.Progress)
            .SingleOrDefaultAsync(x => x.Id == id && PublicStatuses.Contains(x.Status), ct).ConfigureAwait(false);
        if (p is null)
            return null;
        var counts = await db.PledgeRatings.AsNoTracking().Where(r => r.PledgeId == id)
            .GroupBy(r => r.Rating).Select(g => new { Rating = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Rating, g => g.Count, ct).ConfigureAwait(false);
        var distribution = Enum.GetValues<SatisfactionRating>().Select(r => new RatingCount(r, counts.GetValueOrDefault(r))).ToList();
        return new PledgeDetail(p.Id, p.Title, p.Content, p.OwnerName, p.Branch, p.Kind, p.Year, p.Area, p.DueDate, p.Status,
            p.FulfilmentNote, p.Grade, p.LeaderComment, Timeline(p), distribution);
    }

    /// <summary>Whether the device with this token has already rated the pledge.</summary>
    public async Task<bool> HasRatedAsync(int id, string? deviceToken, CancellationToken ct = default)
    {
        if (!DeviceTokens.IsValid(deviceToken))
            return false;
        var hash = DeviceTokens.Hash(deviceToken!);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.PledgeRatings.AnyAsync(r => r.PledgeId == id && r.DeviceTokenHash == hash, ct).ConfigureAwait(false);
    }

    /// <summary>Milestones from the history plus the progress entries, oldest first. Staff names are not shown.</summary>
    private List<PledgeTimelineEntry> Timeline(Pledge p)
    {
        var milestones = p.Events.Where(e => e.Action is not (PledgeAction.Proposed or PledgeAction.ProgressAdded))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => (Date: DateOnly.FromDateTime(time.ToLocal(e.OccurredAt)), At: e.OccurredAt, Text: e.Action switch
            {
                PledgeAction.Published => "承诺公示，接受群众监督",
                PledgeAction.Fulfilled => e.FromStatus == PledgeStatus.Overdue ? "逾期后践诺完成" : "践诺完成",
                PledgeAction.MarkedOverdue => $"超过完成时限（{p.DueDate:yyyy-MM-dd}）仍未践诺",
                PledgeAction.Evaluated => $"评议等次：{(p.Grade is { } g ? PledgeText.Of(g) : "")}",
                _ => PledgeText.Of(e.Action),
            }));
        var progress = p.Progress.Select(x => (x.Date, At: x.RecordedAt, x.Text));
        return milestones.Concat(progress).OrderBy(x => x.Date).ThenBy(x => x.At)
            .Select(x => new PledgeTimelineEntry(x.Date, x.Text)).ToList();
    }
}
