using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Staff;

/// <summary>Staff accounts: create, change role and department, lock and unlock (admin pages); the list of possible case owners.</summary>
public sealed class StaffAdminService(UserManager<StaffUser> users, StaffAudit audit, TimeProvider clock)
{
    /// <summary>The lockout end of a disabled account (locked by an administrator, not by failed sign-ins).</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>Disabled by an administrator: refused at sign-in and its live sessions end.</summary>
    public static bool IsDisabled(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.LockoutEnd is { } end && end.UtcDateTime.Year >= DisabledUntil.Year; // stored precision may differ
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken ct = default)
    {
        var all = await users.Users.AsNoTracking().Include(u => u.Department).OrderBy(u => u.UserName).ToListAsync(ct).ConfigureAwait(false);
        var result = new List<StaffAccount>(all.Count);
        var now = clock.GetUtcNow();
        foreach (var u in all)
        {
            var roles = await users.GetRolesAsync(u).ConfigureAwait(false);
            result.Add(new StaffAccount(u.Id, u.UserName ?? "", u.DisplayName, roles.FirstOrDefault(), u.DepartmentId, u.Department?.Name,
                u.LockoutEnd is { } end && end > now, u.PartyBranch, u.IsBranchSecretary, u.ConcurrencyStamp));
        }

        return result;
    }

    /// <summary>Staff who can own a case (包案人): every unlocked account, by name.</summary>
    public async Task<IReadOnlyList<StaffAccount>> ListActiveAsync(CancellationToken ct = default) =>
        (await ListAsync(ct).ConfigureAwait(false)).Where(a => !a.IsLocked).OrderBy(a => a.DisplayName, StringComparer.Ordinal).ToList();

    /// <summary>Creates an account. Returns Chinese error messages, empty on success.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(NewStaffInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.UserName = TextInput.Clean(input.UserName);
        input.DisplayName = TextInput.Clean(input.DisplayName);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), errors, validateAllProperties: true))
            return errors.Select(e => e.ErrorMessage ?? "").ToList();
        if (!StaffRoles.All.Contains(input.Role!))
            return ["请选择角色。"];
        if (input.Role == StaffRoles.Handler && input.DepartmentId is null)
            return ["承办人必须属于一个部门。"];

        var user = new StaffUser
        {
            UserName = input.UserName,
            DisplayName = input.DisplayName!,
            DepartmentId = input.Role == StaffRoles.Handler ? input.DepartmentId : null,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, input.Password!).ConfigureAwait(false);
        if (!created.Succeeded)
            return created.Errors.Select(e => e.Description).ToList();
        await users.AddToRoleAsync(user, input.Role!).ConfigureAwait(false);
        return [];
    }

    /// <param name="expectedStamp">The <see cref="StaffAccount.ConcurrencyStamp"/> the administrator saw; a newer account is not overwritten.</param>
    public async Task<IReadOnlyList<string>> SetRoleAsync(StaffActor actor, string userId, string role, int? departmentId, string? expectedStamp, CancellationToken ct = default)
    {
        if (RefuseUnlessAdmin(actor) is { } refused)
            return refused;
        if (!StaffRoles.All.Contains(role))
            return ["请选择角色。"];
        if (role == StaffRoles.Handler && departmentId is null)
            return ["承办人必须属于一个部门。"];
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
            return ["未找到该账号。"];
        if (user.ConcurrencyStamp != expectedStamp)
            return [ConcurrentEditException.DefaultMessage];
        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        user.DepartmentId = role == StaffRoles.Handler ? departmentId : null;
        foreach (var step in new Func<Task<IdentityResult>>[]
        {
            () => users.RemoveFromRolesAsync(user, current),
            () => users.AddToRoleAsync(user, role),
            // Updating the security stamp also saves the department and ends existing sessions at the next validation.
            () => users.UpdateSecurityStampAsync(user),
        })
        {
            var result = await step().ConfigureAwait(false);
            if (!result.Succeeded)
                return result.Errors.Select(e => e.Description).ToList();
        }

        audit.Record(actor, "user.role", $"{userId} role={role} department={departmentId}");
        return [];
    }

    /// <summary>
    /// Sets the party branch (党支部) of an account and whether it is the branch secretary; an empty branch
    /// removes the membership. Pledge permissions read it at every step, so it applies at once.
    /// </summary>
    public async Task<IReadOnlyList<string>> SetPartyBranchAsync(StaffActor actor, string userId, string? branch, bool isSecretary, string? expectedStamp, CancellationToken ct = default)
    {
        if (RefuseUnlessAdmin(actor) is { } refused)
            return refused;
        branch = TextInput.Clean(branch);
        if (branch is { Length: > Portal.Data.Pledges.Pledge.MaxBranchLength })
            return [$"党支部名称不能超过 {Portal.Data.Pledges.Pledge.MaxBranchLength} 个字。"];
        if (branch is null && isSecretary)
            return ["请先填写所在党支部，再设为支部书记。"];
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
            return ["未找到该账号。"];
        if (user.ConcurrencyStamp != expectedStamp)
            return [ConcurrentEditException.DefaultMessage];
        user.PartyBranch = branch;
        user.IsBranchSecretary = isSecretary;
        var result = await users.UpdateAsync(user).ConfigureAwait(false);
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Description).ToList();
        audit.Record(actor, "user.party-branch", userId);
        return [];
    }

    /// <summary>Locks (indefinitely) or unlocks an account; locking ends its sessions at the next validation.</summary>
    public async Task<IReadOnlyList<string>> SetLockedAsync(StaffActor actor, string userId, bool locked, CancellationToken ct = default)
    {
        if (RefuseUnlessAdmin(actor) is { } refused)
            return refused;
        if (locked && userId == actor.UserId)
            return ["不能锁定自己的账号。"];
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
            return ["未找到该账号。"];
        await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false);
        await users.SetLockoutEndDateAsync(user, locked ? DisabledUntil : null).ConfigureAwait(false);
        if (!locked)
            await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        audit.Record(actor, locked ? "user.lock" : "user.unlock", userId);
        return [];
    }

    /// <summary>Accounts are changed by administrators only, whatever page or payload asks (ASVS 8.2.1).</summary>
    private static IReadOnlyList<string>? RefuseUnlessAdmin(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsInRole(StaffRoles.Admin) ? null : ["只有系统管理员可以修改账号。"];
    }
}

public sealed record StaffAccount(string Id, string UserName, string DisplayName, string? Role, int? DepartmentId, string? DepartmentName, bool IsLocked,
    string? PartyBranch = null, bool IsBranchSecretary = false, string? ConcurrencyStamp = null);

public sealed class NewStaffInput
{
    [Required(ErrorMessage = "请填写登录名。")]
    [RegularExpression("^[A-Za-z0-9._@-]{3,64}$", ErrorMessage = "登录名为 3 到 64 个字母、数字或 . _ @ -。")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(StaffUser.MaxDisplayNameLength, ErrorMessage = "姓名不能超过 {1} 个字。")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "请填写初始密码。")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "请选择角色。")]
    public string? Role { get; set; }

    public int? DepartmentId { get; set; }
}
