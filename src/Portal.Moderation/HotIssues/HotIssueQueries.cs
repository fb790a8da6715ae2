using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.HotIssues;

namespace Portal.Moderation.HotIssues;

/// <summary>
/// Read side of hot issues: groups ranked by heat over a period (for leaders and the periodic briefing) and
/// one group with its opinions and history. Counts cover the group's opinions that came in within the period.
/// </summary>
public sealed class HotIssueQueries(IDbContextFactory<PortalDbContext> dbFactory, IOptions<HotIssueOptions> options, TimeProvider clock)
{
    /// <summary>The <paramref name="count"/> hottest issues among opinions that came in within [from, to).</summary>
    public async Task<IReadOnlyList<HotIssueSummary>> GetTopAsync(DateTime fromUtc, DateTime toUtc, int count, CancellationToken ct)
    {
        var ranked = await ListAsync(new HotIssueFilter(fromUtc, toUtc), ct).ConfigureAwait(false);
        return ranked.Take(Math.Max(0, count)).ToList();
    }

    /// <summary>Every group with opinions in the period that passes the filter, hottest first.</summary>
    public async Task<IReadOnlyList<HotIssueSummary>> ListAsync(HotIssueFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await (
            from m in db.HotIssueMembers
            join g in db.HotIssueGroups on m.GroupId equals g.Id
            join o in db.Opinions on m.OpinionId equals o.Id
            where m.OpinionAt >= filter.FromUtc && m.OpinionAt < filter.ToUtc && g.Status != HotIssueStatus.Merged
            select new MemberRow(g.Id, g.Title, g.Status, o.Id, o.Area, o.Department != null ? o.Department.Name : null, o.DepartmentId, o.ResidentContact, m.OpinionAt))
            .AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var supports = await SupportCountsAsync(db, filter.FromUtc, filter.ToUtc, ct).ConfigureAwait(false);
        var reference = Min(filter.ToUtc, clock.GetUtcNow().UtcDateTime);

        return rows.GroupBy(r => r.GroupId)
            .Where(g => filter.IncludeHandled || g.First().Status == HotIssueStatus.Open)
            .Where(g => filter.Area is null || g.Any(r => r.Area == filter.Area))
            .Where(g => filter.DepartmentId is null || g.Any(r => r.DepartmentId == filter.DepartmentId))
            .Select(g => Summarize(g.ToList(), supports, reference))
            .OrderByDescending(s => s.Heat).ThenByDescending(s => s.OpinionCount).ThenByDescending(s => s.LastAt)
            .ToList();
    }

    public async Task<HotIssueDetail?> GetDetailAsync(int groupId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var group = await db.HotIssueGroups.AsNoTracking().Include(g => g.Events).SingleOrDefaultAsync(g => g.Id == groupId, ct).ConfigureAwait(false);
        if (group is null)
            return null;
        var members = await (
            from m in db.HotIssueMembers
            join o in db.Opinions on m.OpinionId equals o.Id
            where m.GroupId == groupId
            orderby m.OpinionAt
            select new { m, o.TrackingCode, o.Title, o.Area, Department = o.Department != null ? o.Department.Name : null, o.DepartmentId, o.Status, o.ResidentContact })
            .AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var ids = members.Select(x => x.m.OpinionId).ToList();
        var supports = await db.OpinionSupports.Where(s => ids.Contains(s.OpinionId)).GroupBy(s => s.OpinionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        await SupportService.AddImportedAsync(db, db.HotIssueMembers.Where(m => m.GroupId == groupId).Select(m => m.OpinionId), supports, ct).ConfigureAwait(false);

        var rows = members.Select(x => new MemberRow(group.Id, group.Title, group.Status, x.m.OpinionId, x.Area, x.Department, x.DepartmentId, x.ResidentContact, x.m.OpinionAt)).ToList();
        var summary = rows.Count > 0
            ? Summarize(rows, supports, clock.GetUtcNow().UtcDateTime)
            : new HotIssueSummary(group.Id, group.Title, 0, 0, 0, [], group.FirstAt, group.LastAt, 0, [], group.Status);
        var views = members.Select(x => new HotIssueMemberView(x.m.OpinionId, x.TrackingCode, x.Title, x.Area, x.Department, x.Status, x.m.OpinionAt,
            supports.GetValueOrDefault(x.m.OpinionId), x.m.Similarity, x.m.IsPinned)).ToList();
        var history = group.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new HotIssueEventView(e.Action, e.ActorName, e.Note, e.OtherGroupId, e.OccurredAt)).ToList();
        return new HotIssueDetail(summary, group.Status, group.Version, group.HandledNote, group.HandledByName, group.HandledAt, group.MergedIntoId, views, history);
    }

    /// <summary>Groups another may be merged into: not merged away, most recent first, optionally by title.</summary>
    public async Task<IReadOnlyList<HotIssueChoice>> MergeChoicesAsync(int excludeGroupId, string? search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.HotIssueGroups.AsNoTracking().Where(g => g.Id != excludeGroupId && g.Status != HotIssueStatus.Merged);
        if (!string.IsNullOrWhiteSpace(search))
            query = query.Where(g => g.Title.Contains(search.Trim()));
        return await query.OrderByDescending(g => g.LastAt).Take(20)
            .Select(g => new HotIssueChoice(g.Id, g.Title, g.Members.Count, g.LastAt)).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The areas named by opinions in groups (for the filter).</summary>
    public async Task<IReadOnlyList<string>> AreasAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await (from m in db.HotIssueMembers join o in db.Opinions on m.OpinionId equals o.Id where o.Area != null select o.Area!)
            .Distinct().OrderBy(a => a).ToListAsync(ct).ConfigureAwait(false);
    }

    private HotIssueSummary Summarize(List<MemberRow> rows, IReadOnlyDictionary<int, int> supports, DateTime reference)
    {
        var first = rows[0];
        var residents = rows.Select(r => ResidentKey(r.Contact) ?? $"#{r.OpinionId}").Distinct(StringComparer.Ordinal).Count();
        var supportCount = rows.Sum(r => supports.GetValueOrDefault(r.OpinionId));
        var lastAt = rows.Max(r => r.At);
        return new HotIssueSummary(
            first.GroupId, first.Title, rows.Count, residents, supportCount,
            Distinct(rows.Select(r => r.Area)), rows.Min(r => r.At), lastAt,
            HeatIndex.Compute(rows.Count, residents, supportCount, lastAt, reference, options.Value.HalfLifeDays),
            Distinct(rows.Select(r => r.DepartmentName)), first.Status);
    }

    /// <summary>Who wrote it, as far as the contact tells: the digits of a phone number, else the trimmed text; null when unknown.</summary>
    internal static string? ResidentKey(string? contact)
    {
        if (string.IsNullOrWhiteSpace(contact))
            return null;
        var digits = new string(contact.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 7 ? digits : contact.Trim().ToLowerInvariant();
    }

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();

    private static async Task<Dictionary<int, int>> SupportCountsAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var counts = await (from s in db.OpinionSupports
                            join m in db.HotIssueMembers on s.OpinionId equals m.OpinionId
                            where m.OpinionAt >= fromUtc && m.OpinionAt < toUtc && s.SupportedAt < toUtc
                            group s by s.OpinionId into g
                            select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var members = db.HotIssueMembers.Where(m => m.OpinionAt >= fromUtc && m.OpinionAt < toUtc).Select(m => m.OpinionId);
        await SupportService.AddImportedAsync(db, members, counts, ct).ConfigureAwait(false);
        return counts;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record MemberRow(int GroupId, string Title, HotIssueStatus Status, int OpinionId, string? Area, string? DepartmentName, int? DepartmentId, string? Contact, DateTime At);
}
