using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Microsoft.Extensions.Options;
using Portal.Moderation.Opinions;
using Portal.Moderation.Privacy;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Pledges;

/// <summary>Read models of pledges for staff and residents: projections with no tracking.</summary>
public sealed class PledgeQueries(IDbContextFactory<PortalDbContext> dbFactory, DeadlinePolicy time, TimeProvider clock, IOptions<PledgeOptions> options)
{
    /// <summary>A published pledge due within this many days is shown as due soon (configuration "Pledges:DueSoonDays").</summary>
    public int DueSoonDays => options.Value.DueSoonDays;

    private static readonly PledgeStatus[] PublicStatuses =
        [PledgeStatus.Published, PledgeStatus.Fulfilled, PledgeStatus.Overdue, PledgeStatus.Evaluated];

    private DateOnly Today => DateOnly.FromDateTime(time.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// The pledges a staff member works with — all of them for moderators, administrators and leaders; their own
    /// branch's for a party member or secretary; none otherwise — overdue first, then due soon, then by due day.
    /// </summary>
    public async Task<IReadOnlyList<PledgeStaffItem>> GetStaffListAsync(StaffActor actor, int? year = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = Today;
        var soon = today.AddDays(DueSoonDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Pledges.AsNoTracking();
        if (!PledgeAccess.SeesAllBranches(actor))
        {
            var branch = (await PartyMembership.OfAsync(db, actor.UserId, ct).ConfigureAwait(false)).Branch;
            query = branch is null ? query.Where(p => p.OwnerUserId == actor.UserId) : query.Where(p => p.Branch == branch || p.OwnerUserId == actor.UserId);
        }

        if (year is { } y)
            query = query.Where(p => p.Year == y);
        var rows = await query.Select(p => new PledgeStaffItem(
                p.Id, p.Title, p.OwnerName, p.Branch, p.Kind, p.Year, p.DueDate, p.Status,
                p.Status == PledgeStatus.Published && p.DueDate >= today && p.DueDate <= soon,
                p.Status == PledgeStatus.Overdue || (p.Status == PledgeStatus.Published && p.DueDate < today),
                p.Grade, p.Progress.Count, p.Version, p.OwnerUserId))
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.OrderByDescending(r => r.IsOverdue).ThenByDescending(r => r.IsDueSoon).ThenBy(r => r.DueDate).ThenBy(r => r.Id).ToList();
    }

    /// <summary>
    /// Reminders (提醒) for a staff member: overdue and due-soon pledges they answer for — their own as owner,
    /// their branch's as secretary, all as moderator, administrator or leader.
    /// </summary>
    public async Task<PledgeReminders> GetRemindersAsync(StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var all = await GetStaffListAsync(actor, null, ct).ConfigureAwait(false);
        IEnumerable<PledgeStaffItem> mine = all;
        if (!PledgeAccess.SeesAllBranches(actor))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            var membership = await PartyMembership.OfAsync(db, actor.UserId, ct).ConfigureAwait(false);
            mine = all.Where(p => p.OwnerUserId == actor.UserId || membership.IsSecretaryOf(p.Branch));
        }

        var list = mine.ToList();
        return new PledgeReminders(list.Where(p => p.IsOverdue).ToList(), list.Where(p => p.IsDueSoon).ToList(), DueSoonDays);
    }

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
        var closed = p.Status == PledgeStatus.Evaluated ? "该承诺已完成评议，不再接受评价。" : await PledgeRounds.ClosedReasonAsync(db, p.Year, ct).ConfigureAwait(false);
        return new PledgeDetail(p.Id, p.Title, p.Content, p.OwnerName, p.Branch, p.Kind, p.Year, p.Area, p.DueDate, p.Status,
            // Notes on progress may name the residents helped or their numbers: masked like a published answer.
            Masked(p.FulfilmentNote), p.Grade, Masked(p.LeaderComment), Timeline(p), distribution, p.Score, closed);
    }

    /// <summary>
    /// The printable 公示 board of one unit: its public pledges of a year (all years when null), by owner and due
    /// day, with each pledge's status and grade.
    /// </summary>
    public async Task<IReadOnlyList<PledgeBoardItem>> GetBoardAsync(string branch, int? year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(branch);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Pledges.AsNoTracking().Where(p => p.Branch == branch && PublicStatuses.Contains(p.Status));
        if (year is { } y)
            query = query.Where(p => p.Year == y);
        return await query.OrderByDescending(p => p.Year).ThenBy(p => p.OwnerName).ThenBy(p => p.DueDate).ThenBy(p => p.Id)
            .Select(p => new PledgeBoardItem(p.Id, p.OwnerName, p.Kind, p.Year, p.Title, p.Content, p.Area, p.DueDate, p.Status, p.Grade))
            .ToListAsync(ct).ConfigureAwait(false);
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

    private static string? Masked(string? text) => text is null ? null : PersonalDataMasker.Mask(text);

    /// <summary>Milestones from the history plus the progress entries, oldest first. Staff names are not shown.</summary>
    private List<PledgeTimelineEntry> Timeline(Pledge p)
    {
        var milestones = p.Events.Where(e => e.Action is PledgeAction.Published or PledgeAction.Fulfilled or PledgeAction.MarkedOverdue or PledgeAction.Evaluated)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => (Date: DateOnly.FromDateTime(time.ToLocal(e.OccurredAt)), At: e.OccurredAt, Text: e.Action switch
            {
                PledgeAction.Published => "承诺公示，接受群众监督",
                PledgeAction.Fulfilled => e.FromStatus == PledgeStatus.Overdue ? "逾期后践诺完成" : "践诺完成",
                PledgeAction.MarkedOverdue => $"超过完成时限（{p.DueDate:yyyy-MM-dd}）仍未践诺",
                PledgeAction.Evaluated => $"评议等次：{(p.Grade is { } g ? PledgeText.Of(g) : "")}",
                _ => PledgeText.Of(e.Action),
            }));
        var progress = p.Progress.Select(x => (x.Date, At: x.RecordedAt, Text: PersonalDataMasker.Mask(x.Text)));
        return milestones.Concat(progress).OrderBy(x => x.Date).ThenBy(x => x.At)
            .Select(x => new PledgeTimelineEntry(x.Date, x.Text)).ToList();
    }
}
