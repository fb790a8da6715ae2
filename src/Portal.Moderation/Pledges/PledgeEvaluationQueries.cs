using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Pledges;

namespace Portal.Moderation.Pledges;

/// <summary>Read models of the evaluation (评议) for staff: rounds, one pledge's entries, party membership.</summary>
public sealed class PledgeEvaluationQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PledgeRoundView>> GetRoundsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rounds = await db.PledgeEvaluationRounds.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct).ConfigureAwait(false);
        var counts = await db.Pledges.AsNoTracking().Where(p => p.Status != PledgeStatus.Proposed)
            .GroupBy(p => p.Year).Select(g => new { Year = g.Key, Total = g.Count(), Evaluated = g.Count(p => p.Status == PledgeStatus.Evaluated) })
            .ToDictionaryAsync(g => g.Year, ct).ConfigureAwait(false);
        return rounds.Select(r => new PledgeRoundView(r.Year, r.Status, r.OpenedAt, r.ClosedAt, r.Formula,
            counts.TryGetValue(r.Year, out var c) ? c.Total : 0, counts.TryGetValue(r.Year, out var e) ? e.Evaluated : 0)).ToList();
    }

    /// <summary>The evaluation entries of a pledge, oldest first, and whether its year's round is open.</summary>
    public async Task<PledgeEvaluationView> GetEvaluationAsync(int pledgeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var year = await db.Pledges.AsNoTracking().Where(p => p.Id == pledgeId).Select(p => (int?)p.Year).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (year is null)
            return new PledgeEvaluationView([], "未找到该承诺。");
        var entries = await db.PledgeAssessments.AsNoTracking().Where(a => a.PledgeId == pledgeId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new PledgeAssessmentView(a.Kind, a.Grade, a.Comment, a.ReviewerUserId, a.ReviewerName, a.CreatedAt))
            .ToListAsync(ct).ConfigureAwait(false);
        return new PledgeEvaluationView(entries, await PledgeRounds.ClosedReasonAsync(db, year.Value, ct).ConfigureAwait(false));
    }

    public async Task<PartyMembership> GetMembershipAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await PartyMembership.OfAsync(db, userId, ct).ConfigureAwait(false);
    }

    /// <summary>The staff accounts of a branch's members (possible pledge owners), by name.</summary>
    public async Task<IReadOnlyList<PartyMemberView>> GetMembersAsync(string? branch, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Users.AsNoTracking().Where(u => u.PartyBranch != null);
        if (branch is not null)
            query = query.Where(u => u.PartyBranch == branch);
        var rows = await query.Select(u => new PartyMemberView(u.Id, u.DisplayName, u.PartyBranch!, u.IsBranchSecretary)).ToListAsync(ct).ConfigureAwait(false);
        return rows.OrderBy(r => r.Branch, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}

public sealed record PledgeRoundView(int Year, PledgeRoundStatus Status, DateTime OpenedAt, DateTime? ClosedAt, string? Formula, int PledgeCount, int EvaluatedCount);

public sealed record PledgeAssessmentView(PledgeAssessmentKind Kind, PledgeGrade Grade, string? Comment, string? ReviewerUserId, string ReviewerName, DateTime CreatedAt);

/// <summary>A pledge's entries; <see cref="ClosedReason"/> is null while its year's round is open.</summary>
public sealed record PledgeEvaluationView(IReadOnlyList<PledgeAssessmentView> Entries, string? ClosedReason)
{
    public bool IsOpen => ClosedReason is null;
}

public sealed record PartyMemberView(string UserId, string Name, string Branch, bool IsSecretary);
