using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Receptions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using static Portal.Moderation.Receptions.ReceptionInput;

namespace Portal.Moderation.Receptions;

/// <summary>
/// How often each host received and visited in a year, against their yearly targets (DOMAIN.md: a deputy at least
/// 2 receptions and 10 household visits a year; leaders per the organisation's setting). Held sessions count in
/// the local year they started; household visits (入户走访) are recorded here.
/// </summary>
public sealed class ReceptionFrequencyService(IDbContextFactory<PortalDbContext> dbFactory, DeadlinePolicy time, TimeProvider clock)
{
    /// <summary>The frequency table of <paramref name="year"/> (leaders, moderators and admins).</summary>
    public async Task<IReadOnlyList<HostFrequency>> ForYearAsync(int year, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanSupervise)
            throw new WorkflowAccessDeniedException("只有领导、审核员或管理员可以查看接访频次。");
        var fromUtc = time.ToUtc(new DateTime(year, 1, 1));
        var toUtc = time.ToUtc(new DateTime(year + 1, 1, 1));
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var hosts = await db.ReceptionHosts.AsNoTracking().Where(h => h.IsActive).OrderBy(h => h.Kind).ThenBy(h => h.Id)
            .Select(h => new { h.Id, h.Name, h.Post, h.Kind, h.RequiredReceptionsPerYear, h.RequiredVisitsPerYear })
            .ToListAsync(ct).ConfigureAwait(false);
        var held = await db.ReceptionSessions.AsNoTracking()
            .Where(s => s.Status == ReceptionSessionStatus.Held && s.StartsAt >= fromUtc && s.StartsAt < toUtc)
            .GroupBy(s => s.HostId).Select(g => new { HostId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.HostId, x => x.Count, ct).ConfigureAwait(false);
        var visits = await db.HouseholdVisits.AsNoTracking()
            .Where(v => v.VisitedOn >= first && v.VisitedOn <= last)
            .GroupBy(v => v.HostId).Select(g => new { HostId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.HostId, x => x.Count, ct).ConfigureAwait(false);
        var elapsed = YearElapsed(year, time.ToLocal(clock.GetUtcNow().UtcDateTime));
        return [.. hosts.Select(h =>
        {
            var done = held.GetValueOrDefault(h.Id);
            var visited = visits.GetValueOrDefault(h.Id);
            return new HostFrequency(h.Id, h.Name, h.Post, h.Kind, h.RequiredReceptionsPerYear, done, h.RequiredVisitsPerYear, visited,
                Evaluate(h.RequiredReceptionsPerYear, done, h.RequiredVisitsPerYear, visited, elapsed));
        })];
    }

    /// <summary>
    /// Met when both targets are reached; otherwise, for a year that is over, Unmet; for the current year OnTrack
    /// while each count is at least its pro-rata share (⌊target × elapsed⌋), else Behind.
    /// </summary>
    /// <param name="elapsed">The part of the year that has passed: 0 for a future year, 1 for a past one.</param>
    public static FrequencyStatus Evaluate(int requiredReceptions, int held, int requiredVisits, int visits, double elapsed)
    {
        if (held >= requiredReceptions && visits >= requiredVisits)
            return FrequencyStatus.Met;
        if (elapsed >= 1)
            return FrequencyStatus.Unmet;
        var receptionsDue = (int)Math.Floor(requiredReceptions * elapsed);
        var visitsDue = (int)Math.Floor(requiredVisits * elapsed);
        return held >= receptionsDue && visits >= visitsDue ? FrequencyStatus.OnTrack : FrequencyStatus.Behind;
    }

    /// <summary>The part of local <paramref name="year"/> that has passed at <paramref name="nowLocal"/>, between 0 and 1.</summary>
    public static double YearElapsed(int year, DateTime nowLocal)
    {
        var start = new DateTime(year, 1, 1);
        var end = start.AddYears(1);
        return nowLocal <= start ? 0 : nowLocal >= end ? 1 : (nowLocal - start).TotalDays / (end - start).TotalDays;
    }

    /// <summary>Records a household visit by a host.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Missing or invalid input (Chinese message).</exception>
    public async Task<int> RecordVisitAsync(int hostId, VisitInput input, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireManager(actor);
        var day = input.VisitedOn ?? throw new System.ComponentModel.DataAnnotations.ValidationException("请选择走访日期。");
        var household = Required(input.Household, "走访户（户主或住址）", HouseholdVisit.MaxHouseholdLength);
        var summary = Required(input.Summary, "走访情况", HouseholdVisit.MaxSummaryLength, multiline: true);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var host = await db.ReceptionHosts.SingleOrDefaultAsync(h => h.Id == hostId, ct).ConfigureAwait(false)
            ?? throw new ReceptionStateException("请选择走访的党代表或领导。");
        var now = clock.GetUtcNow().UtcDateTime;
        var visit = HouseholdVisit.Record(host, day, household, summary, actor.Ref, DateOnly.FromDateTime(time.ToLocal(now)), now);
        db.HouseholdVisits.Add(visit);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return visit.Id;
    }

    /// <summary>The visits of <paramref name="year"/>, latest first (optionally of one host).</summary>
    public async Task<IReadOnlyList<VisitView>> VisitsAsync(int year, int? hostId, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanSupervise)
            throw new WorkflowAccessDeniedException("只有领导、审核员或管理员可以查看入户走访。");
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.HouseholdVisits.AsNoTracking()
            .Where(v => v.VisitedOn >= first && v.VisitedOn <= last && (hostId == null || v.HostId == hostId))
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id)
            .Select(v => new VisitView(v.Id, v.HostId, v.Host!.Name, v.VisitedOn, v.Household, v.Summary, v.RecordedByName))
            .ToListAsync(ct).ConfigureAwait(false);
    }
}

/// <summary>One row of the frequency table.</summary>
public sealed record HostFrequency(
    int HostId, string Name, string Post, ReceptionHostKind Kind, int RequiredReceptions, int Held, int RequiredVisits, int Visits, FrequencyStatus Status);

/// <summary>A host's progress against the yearly targets.</summary>
public enum FrequencyStatus
{
    Met = 1,
    OnTrack = 2,
    Behind = 3,
    Unmet = 4,
}

/// <summary>The household-visit form.</summary>
public sealed class VisitInput
{
    public DateOnly? VisitedOn { get; set; }

    public string? Household { get; set; }

    public string? Summary { get; set; }
}

public sealed record VisitView(int Id, int HostId, string HostName, DateOnly VisitedOn, string Household, string Summary, string RecordedByName);
