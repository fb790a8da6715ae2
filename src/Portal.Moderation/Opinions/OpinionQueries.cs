using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Moderation.Privacy;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Opinions;

/// <summary>Read models for the screens: projections with no tracking, scoped to what the reader may see.</summary>
public sealed class OpinionQueries(IDbContextFactory<PortalDbContext> dbFactory, DeadlinePolicy deadlines, TimeProvider clock, PublishedListCounts publishedCounts)
{
    private static readonly OpinionStatus[] OpenStatuses = [OpinionStatus.Assigned, OpinionStatus.InProgress];

    private static readonly OpinionStatus[] QueueStatuses = [OpinionStatus.Submitted, OpinionStatus.Registered, OpinionStatus.Completed];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// One page of a staff list: the moderation queue (new opinions to screen, returned ones to re-assign, completed
    /// ones to review and publish; imported history is finished already and never waits here) for moderators, or the
    /// open opinions of the actor's own department for its handlers. Anyone else gets an empty page.
    /// </summary>
    public async Task<PagedResult<OpinionListItem>> GetPageAsync(OpinionPageRequest request, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var pageSize = Math.Clamp(request.PageSize, 1, OpinionPageRequest.MaxPageSize);
        var pageIndex = Math.Max(0, request.PageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (Scoped(db, request.Scope, actor) is not { } scoped)
            return new PagedResult<OpinionListItem>([], 0, pageIndex + 1, pageSize);

        var query = scoped;
        if (request.Status is { } status)
            query = query.Where(o => o.Status == status);
        if (TextInput.Clean(request.Search) is { } search)
        {
            search = search.Length > 50 ? search[..50] : search;
            var code = search.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
            query = query.Where(o => o.Title.Contains(search) || o.TrackingCode.Contains(code) || (o.Area != null && o.Area.Contains(search)));
        }

        var total = await query.CountAsync(ct).ConfigureAwait(false);
        var items = await ListItems(db, Sorted(query, request), ct, skip: pageIndex * pageSize, take: pageSize).ConfigureAwait(false);
        return new PagedResult<OpinionListItem>(items, total, pageIndex + 1, pageSize);
    }

    /// <summary>How many opinions wait in each of the moderation queue's states (one grouped count); empty for non-moderators.</summary>
    public async Task<IReadOnlyDictionary<OpinionStatus, int>> GetQueueCountsAsync(StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (Scoped(db, OpinionListScope.ModerationQueue, actor) is not { } queue)
            return new Dictionary<OpinionStatus, int>();
        return await queue.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
    }

    /// <summary>How many open opinions of the actor's department are past their deadline; 0 for anyone but its handlers.</summary>
    public async Task<int> CountOverdueInInboxAsync(StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = Now;
        return Scoped(db, OpinionListScope.DepartmentInbox, actor) is { } inbox
            ? await inbox.CountAsync(o => o.Deadline < now, ct).ConfigureAwait(false)
            : 0;
    }

    /// <summary>The opinions of a list scope the actor may see, or null when the actor may see none of them.</summary>
    private static IQueryable<Opinion>? Scoped(PortalDbContext db, OpinionListScope scope, StaffActor actor)
    {
        switch (scope)
        {
            case OpinionListScope.ModerationQueue when actor.CanModerate:
                return db.Opinions.Where(o => QueueStatuses.Contains(o.Status) && o.ImportBatchId == null);
            case OpinionListScope.DepartmentInbox when actor.DepartmentId is { } departmentId && CaseAccess.IsHandlerOf(actor, departmentId):
                return db.Opinions.Where(o => o.DepartmentId == departmentId && OpenStatuses.Contains(o.Status));
            default:
                return null;
        }
    }

    /// <summary>
    /// The order the request asks for among the columns staff may sort by; otherwise the list's own order: the queue
    /// longest waiting first, the inbox earliest deadline (overdue ones) first.
    /// </summary>
    private static IOrderedQueryable<Opinion> Sorted(IQueryable<Opinion> query, OpinionPageRequest request)
    {
        var sort = request.Sort == OpinionListSort.Default
            ? request.Scope == OpinionListScope.DepartmentInbox ? OpinionListSort.Deadline : OpinionListSort.Created
            : request.Sort;
        var descending = request.Sort != OpinionListSort.Default && request.Descending;
        return sort switch
        {
            OpinionListSort.Status => descending ? query.OrderByDescending(o => o.Status) : query.OrderBy(o => o.Status),
            OpinionListSort.Deadline => descending ? query.OrderByDescending(o => o.Deadline) : query.OrderBy(o => o.Deadline),
            OpinionListSort.Title => descending ? query.OrderByDescending(o => o.Title) : query.OrderBy(o => o.Title),
            OpinionListSort.Area => descending ? query.OrderByDescending(o => o.Area) : query.OrderBy(o => o.Area),
            _ => descending ? query.OrderByDescending(o => o.CreatedAt) : query.OrderBy(o => o.CreatedAt),
        };
    }

    /// <summary>One opinion for staff, or null if it does not exist or the actor may not see it.</summary>
    public async Task<CaseView?> GetCaseAsync(int id, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var o = await LoadWholeAsync(db, db.Opinions.Where(x => x.Id == id), ct).ConfigureAwait(false);
        if (o is null)
            return null;
        if (!CaseAccess.CanRead(actor, o.DepartmentId))
            return null;
        var departmentOnly = !actor.CanSupervise;

        // An anonymous resident stays anonymous to the department: contact hidden, personal data masked in the text.
        var hideContact = departmentOnly && o.IsAnonymous;
        var title = hideContact ? PersonalDataMasker.Mask(o.Title, o.ResidentName) : o.Title;
        var body = hideContact ? PersonalDataMasker.Mask(o.Body, o.ResidentName) : o.Body;
        var suggestedIds = o.Suggestions.Select(s => s.DepartmentId).Append(o.SuggestedDepartmentId ?? 0).ToList();
        var names = await db.Departments.Where(d => suggestedIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct).ConfigureAwait(false);
        var suggested = o.SuggestedDepartmentId is { } sid ? names.GetValueOrDefault(sid) : null;
        var suggestions = o.Suggestions.Where(s => names.ContainsKey(s.DepartmentId))
            .Select(s => new SuggestionView(s.DepartmentId, names[s.DepartmentId], s.Confidence)).ToList();
        var mergedInto = o.MergedIntoId is { } mid
            ? await db.Opinions.Where(x => x.Id == mid).Select(x => x.TrackingCode).SingleOrDefaultAsync(ct).ConfigureAwait(false)
            : null;

        return new CaseView(
            o.Id, o.TrackingCode, o.Kind, o.Channel, title, body, o.Area,
            hideContact ? null : o.ResidentName, hideContact ? null : o.ResidentContact, hideContact,
            o.IsAnonymous, o.ConsentToPublish, o.Status, o.DepartmentId, o.Department?.Name, o.Deadline, o.IsOverdue(Now),
            o.CaseOwnerName, o.SuggestedDepartmentId, suggested, o.SuggestionConfidence, suggestions, mergedInto,
            o.RejectionReason, o.ReturnReason, o.ReopenCount, o.PublicTitle, o.PublicBody,
            o.CreatedAt, o.CompletedAt, o.PublishedAt, o.Version,
            o.Results.OrderBy(r => r.CompletedAt).Select(r => new HandlingResultView(
                r.Round, r.ActionsTaken, r.ReplyText, r.PublicReply, r.Adoption, r.AdoptionReason, r.WrittenByName, r.SignedOffBy, r.CompletedAt)).ToList(),
            o.Ratings.OrderBy(r => r.RatedAt).Select(ToView).ToList(),
            o.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
                .Select(e => new HistoryEntry(e.OccurredAt, e.Action, e.FromStatus, e.ToStatus, e.ActorName, e.Note)).ToList());
    }

    /// <summary>What a resident sees with a tracking code, or null for an unknown or malformed code.</summary>
    public async Task<TrackingView?> GetTrackingAsync(string? trackingCode, CancellationToken ct = default)
    {
        var code = TrackingCodes.Normalize(trackingCode);
        if (code is null)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var o = await LoadWholeAsync(db, db.Opinions.Where(x => x.TrackingCode == code), ct).ConfigureAwait(false);
        if (o is null)
            return null;

        // A duplicate follows the original's answer.
        var answering = o;
        if (o.MergedIntoId is { } originalId)
            answering = await LoadWholeAsync(db, db.Opinions.Where(x => x.Id == originalId), ct).ConfigureAwait(false) ?? o;

        return new TrackingView(
            TrackingCodes.Format(o.TrackingCode), o.Title, o.Kind, o.CreatedAt,
            PublicTimeline.StatusText(answering.Status), answering.Status, answering.Department?.Name,
            answering.Deadline, answering.IsOverdue(Now), o.RejectionReason, o.MergedIntoId is not null,
            PublicTimeline.From(o.Events), Replies(answering), o.CanBeRated,
            o.Ratings.OrderBy(r => r.RatedAt).Select(ToView).ToList(), answering.ExtensionCount > 0);
    }

    public async Task<PagedResult<PublishedListItem>> GetPublishedAsync(PublishedFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pageSize = Math.Clamp(filter.PageSize, 5, 50);
        var page = Math.Max(1, filter.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Opinions.AsNoTracking().Where(o => o.Status == OpinionStatus.Published && o.ConsentToPublish);
        if (filter.DepartmentId is { } departmentId)
            query = query.Where(o => o.DepartmentId == departmentId);
        if (filter.Kind is { } kind)
            query = query.Where(o => o.Kind == kind);
        if (filter.Adoption is { } adoption)
            query = query.Where(o => o.Results.Where(r => r.Round == o.ReopenCount + 1).OrderByDescending(r => r.CompletedAt).Select(r => r.Adoption).FirstOrDefault() == adoption);
        if (MonthRange(filter.Month) is var (from, to))
            query = query.Where(o => o.PublishedAt >= from && o.PublishedAt < to);
        if (TextInput.Clean(filter.Search) is { } search)
        {
            search = search.Length > 50 ? search[..50] : search;
            query = query.Where(o => o.PublicTitle!.Contains(search) || o.PublicBody!.Contains(search));
        }

        var total = await publishedCounts.GetAsync(filter, () => query.CountAsync(ct)).ConfigureAwait(false);
        var rows = await query.OrderByDescending(o => o.PublishedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new
            {
                o.Id, Title = o.PublicTitle!, o.Kind, o.Area, o.ResidentName, DepartmentName = o.Department!.Name,
                Adoption = o.Results.Where(r => r.Round == o.ReopenCount + 1).OrderByDescending(r => r.CompletedAt).Select(r => (Adoption?)r.Adoption).FirstOrDefault(),
                o.CreatedAt, PublishedAt = o.PublishedAt!.Value, o.CompletedAt,
                // In the same query rather than one more per page (ADR-018): supports here plus those imported (ADR-012).
                Supports = db.OpinionSupports.Count(s => s.OpinionId == o.Id) + o.ImportedSupportCount,
            })
            .ToListAsync(ct).ConfigureAwait(false);
        var items = rows.Select(r => new PublishedListItem(r.Id, r.Title, r.Kind, PublicArea(r.Area, r.ResidentName), r.DepartmentName, r.Adoption,
            r.CreatedAt, r.PublishedAt, DaysTaken(r.CreatedAt, r.CompletedAt ?? r.PublishedAt), r.Supports)).ToList();
        return new PagedResult<PublishedListItem>(items, total, page, pageSize);
    }

    public async Task<PublishedDetail?> GetPublishedDetailAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        // Only what the public page shows, in one query (not the whole case file with its history and ratings).
        var o = await db.Opinions.AsNoTracking().Include(x => x.Department).Include(x => x.Results)
            .SingleOrDefaultAsync(x => x.Id == id && x.Status == OpinionStatus.Published && x.ConsentToPublish, ct).ConfigureAwait(false);
        if (o is null)
            return null;
        return new PublishedDetail(o.Id, o.PublicTitle!, o.PublicBody!, o.Kind, PublicArea(o.Area, o.ResidentName), o.Department!.Name,
            o.CreatedAt, o.CompletedAt, o.PublishedAt!.Value, DaysTaken(o.CreatedAt, o.CompletedAt ?? o.PublishedAt!.Value), Replies(o));
    }

    /// <summary>The figures of the leader's first overview.</summary>
    public async Task<LeaderOverview> GetOverviewAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = Now;
        var byStatus = await db.Opinions.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var rows = await db.Opinions.AsNoTracking().Where(o => o.DepartmentId != null)
            .Select(o => new { DepartmentId = o.DepartmentId!.Value, o.Status, o.Deadline, o.CreatedAt, o.CompletedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        var ratings = await db.Satisfactions.AsNoTracking()
            .Join(db.Opinions, s => s.OpinionId, o => o.Id, (s, o) => new { o.DepartmentId, s.Rating })
            .ToListAsync(ct).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct).ConfigureAwait(false);

        bool IsOpen(OpinionStatus s) => OpenStatuses.Contains(s);
        bool IsDone(OpinionStatus s) => s is OpinionStatus.Completed or OpinionStatus.Published;
        double? Rate(IEnumerable<SatisfactionRating> rs)
        {
            var list = rs.ToList();
            return list.Count == 0 ? null : list.Count(r => r != SatisfactionRating.Dissatisfied) / (double)list.Count;
        }

        double? AverageDays(IEnumerable<(DateTime Created, DateTime? Completed)> xs)
        {
            var days = xs.Where(x => x.Completed is not null).Select(x => (x.Completed!.Value - x.Created).TotalDays).ToList();
            return days.Count == 0 ? null : days.Average();
        }

        var figures = departments.Select(d =>
        {
            var mine = rows.Where(r => r.DepartmentId == d.Id).ToList();
            return new DepartmentFigures(d.Id, d.Name,
                mine.Count(r => IsOpen(r.Status)),
                mine.Count(r => IsOpen(r.Status) && r.Deadline < now),
                mine.Count(r => IsDone(r.Status)),
                AverageDays(mine.Where(r => IsDone(r.Status)).Select(r => (r.CreatedAt, r.CompletedAt))),
                Rate(ratings.Where(r => r.DepartmentId == d.Id).Select(r => r.Rating)));
        }).ToList();

        var overdue = await ListItems(db, db.Opinions.Where(o => OpenStatuses.Contains(o.Status) && o.Deadline < now).OrderBy(o => o.Deadline), ct).ConfigureAwait(false);
        return new LeaderOverview(
            byStatus,
            figures,
            overdue,
            AverageDays(rows.Where(r => IsDone(r.Status)).Select(r => (r.CreatedAt, r.CompletedAt))),
            Rate(ratings.Select(r => r.Rating)),
            ratings.Count);
    }

    /// <summary>
    /// The opinions a duplicate may be merged into: any other opinion that is neither rejected nor merged itself,
    /// newest first, optionally those whose title or area contains <paramref name="search"/>.
    /// </summary>
    /// <exception cref="WorkflowAccessDeniedException">The actor is not a moderator.</exception>
    public async Task<IReadOnlyList<OpinionListItem>> GetMergeCandidatesAsync(int duplicateId, string? search, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanModerate)
            throw new WorkflowAccessDeniedException("只有审核员可以合并意见。");
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Opinions.Where(o => o.Id != duplicateId && o.Status != OpinionStatus.Rejected && o.Status != OpinionStatus.Merged);
        if (TextInput.Clean(search) is { } text)
            query = query.Where(o => o.Title.Contains(text) || (o.Area != null && o.Area.Contains(text)));
        return await ListItems(db, query.OrderByDescending(o => o.CreatedAt), ct, take: 30).ConfigureAwait(false);
    }

    /// <summary>Rows for a staff list, in the query's order, after <paramref name="skip"/>, at most <paramref name="take"/> of them.</summary>
    private async Task<IReadOnlyList<OpinionListItem>> ListItems(PortalDbContext db, IOrderedQueryable<Opinion> query, CancellationToken ct, int skip = 0, int take = 2000)
    {
        var now = Now;
        var rows = await query.ThenBy(o => o.Id).AsNoTracking().Skip(skip).Take(take)
            .Select(o => new
            {
                o.Id, o.TrackingCode, o.Title, o.Kind, o.Channel, o.Area, o.Status, o.CreatedAt,
                DepartmentName = o.Department!.Name,
                SuggestedName = db.Departments.Where(d => d.Id == o.SuggestedDepartmentId).Select(d => d.Name).FirstOrDefault(),
                o.SuggestionConfidence, o.ReturnReason, o.Deadline, o.Version,
            })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(r => new OpinionListItem(r.Id, r.TrackingCode, r.Title, r.Kind, r.Channel, r.Area, r.Status, r.CreatedAt,
            r.DepartmentName, r.SuggestedName, r.SuggestionConfidence, r.ReturnReason, r.Deadline,
            r.Deadline < now && OpenStatuses.Contains(r.Status), r.Version)).ToList();
    }

    /// <summary>One opinion with its department, history, results and ratings, not tracked.</summary>
    private static async Task<Opinion?> LoadWholeAsync(PortalDbContext db, IQueryable<Opinion> query, CancellationToken ct) =>
        await query.AsNoTracking().AsSplitQuery()
            .Include(x => x.Department).Include(x => x.Events).Include(x => x.Results).Include(x => x.Ratings)
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);

    /// <summary>The resident's own words about where: masked like the rest of the public text (it has no edited public copy).</summary>
    private static string? PublicArea(string? area, string? residentName) => area is null ? null : PersonalDataMasker.Mask(area, residentName);

    // The public reply was masked when published; the reason for (not) adopting is shown with it and is masked here.
    private static List<PublishedReply> Replies(Opinion o) =>
        o.Results.Where(r => r.PublicReply is not null).OrderBy(r => r.CompletedAt)
            .Select(r => new PublishedReply(r.Round, r.PublicReply!, r.Adoption,
                r.AdoptionReason is null ? null : PersonalDataMasker.Mask(r.AdoptionReason, o.ResidentName), o.Department?.Name ?? "", r.CompletedAt))
            .ToList();

    private static RatingView ToView(Satisfaction s) => new(s.Round, s.Rating, s.Comment, s.RatedAt);

    private static int DaysTaken(DateTime from, DateTime to) => Math.Max(1, (int)Math.Ceiling((to - from).TotalDays));

    private (DateTime From, DateTime To)? MonthRange(string? month)
    {
        if (string.IsNullOrWhiteSpace(month) ||
            !DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            return null;
        return (deadlines.ToUtc(first), deadlines.ToUtc(first.AddMonths(1)));
    }
}
