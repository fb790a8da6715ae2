using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Pledges;
using Portal.Data.Staff;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Pledges;

/// <summary>
/// A staff member's party membership as recorded on their account (not taken from the cookie, so a change by
/// an administrator applies at once).
/// </summary>
public sealed record PartyMembership(string? Branch, bool IsSecretary)
{
    public static PartyMembership None { get; } = new(null, false);

    public bool IsSecretaryOf(string branch) => IsSecretary && Branch is not null && string.Equals(Branch, branch, StringComparison.Ordinal);

    public static async Task<PartyMembership> OfAsync(PortalDbContext db, string? userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(userId))
            return None;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.PartyBranch, u.IsBranchSecretary })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return row?.PartyBranch is { } branch ? new PartyMembership(branch, row.IsBranchSecretary) : None;
    }
}

/// <summary>
/// Who may do what with pledges (ADR-011). Moderators and administrators act for every branch; a branch
/// secretary creates, publishes and marks fulfilled only the pledges of their own branch; a member posts
/// progress and assesses only their own pledges; leaders review; administrators open and close rounds.
/// Every check throws <see cref="WorkflowAccessDeniedException"/> with a Chinese message.
/// </summary>
public static class PledgeAccess
{
    public static bool SeesAllBranches(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.CanSupervise;
    }

    public static bool CanManage(StaffActor actor, PartyMembership membership, string branch)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(membership);
        return actor.CanModerate || membership.IsSecretaryOf(branch);
    }

    public static bool CanPostProgress(StaffActor actor, PartyMembership membership, string branch, string? ownerUserId) =>
        CanManage(actor, membership, branch) || IsOwner(actor, ownerUserId);

    /// <summary>The owner assesses themselves; a pledge with no linked account (a branch's own) is assessed by its secretary.</summary>
    public static bool CanSelfAssess(StaffActor actor, PartyMembership membership, string branch, string? ownerUserId)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return ownerUserId is null ? membership.IsSecretaryOf(branch) : IsOwner(actor, ownerUserId);
    }

    public static bool CanPeerReview(StaffActor actor, PartyMembership membership, string branch, string? ownerUserId)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return membership.Branch == branch && !IsOwner(actor, ownerUserId);
    }

    public static bool CanLeaderReview(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsInRole(StaffRoles.Leader);
    }

    public static void RequireCreate(StaffActor actor, PartyMembership membership, string? branch)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(membership);
        if (actor.CanModerate)
            return;
        if (!membership.IsSecretary)
            throw new WorkflowAccessDeniedException("只有党支部书记、审核员或管理员可以提出承诺。");
        if (branch is not null && !membership.IsSecretaryOf(branch))
            throw new WorkflowAccessDeniedException($"党支部书记只能为本支部（{membership.Branch}）提出承诺。");
    }

    public static void RequireManage(StaffActor actor, PartyMembership membership, Pledge pledge)
    {
        ArgumentNullException.ThrowIfNull(pledge);
        if (!CanManage(actor, membership, pledge.Branch))
            throw new WorkflowAccessDeniedException("只有本支部书记、审核员或管理员可以办理该承诺。");
    }

    public static void RequireProgress(StaffActor actor, PartyMembership membership, Pledge pledge)
    {
        ArgumentNullException.ThrowIfNull(pledge);
        if (!CanPostProgress(actor, membership, pledge.Branch, pledge.OwnerUserId))
            throw new WorkflowAccessDeniedException("只能为自己的承诺记录践诺进展。");
    }

    public static void RequireSelfAssess(StaffActor actor, PartyMembership membership, Pledge pledge)
    {
        ArgumentNullException.ThrowIfNull(pledge);
        if (!CanSelfAssess(actor, membership, pledge.Branch, pledge.OwnerUserId))
            throw new WorkflowAccessDeniedException("只有承诺人本人可以填写自评。");
    }

    public static void RequireLeader(StaffActor actor)
    {
        if (!CanLeaderReview(actor))
            throw new WorkflowAccessDeniedException("只有领导可以点评承诺。");
    }

    public static void RequireAdmin(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(StaffRoles.Admin))
            throw new WorkflowAccessDeniedException("只有管理员可以开启或结束评议。");
    }

    private static bool IsOwner(StaffActor actor, string? ownerUserId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ownerUserId is not null && actor.UserId == ownerUserId;
    }
}

/// <summary>Whether residents and members may evaluate pledges of a year, and the Chinese message when not.</summary>
public static class PledgeRounds
{
    public static async Task<string?> ClosedReasonAsync(PortalDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var status = await db.PledgeEvaluationRounds.AsNoTracking().Where(r => r.Year == year)
            .Select(r => (PledgeRoundStatus?)r.Status).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return ReasonOf(year, status);
    }

    public static string? ReasonOf(int year, PledgeRoundStatus? status) => status switch
    {
        PledgeRoundStatus.Open => null,
        PledgeRoundStatus.Closed => $"{year} 年度承诺评议已经结束，不再接受评价。",
        _ => $"{year} 年度承诺评议尚未开始，暂不接受评价。",
    };
}
