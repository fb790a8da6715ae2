using Microsoft.AspNetCore.Identity;
using Portal.Data.Staff;

namespace Portal.Moderation.Staff;

/// <summary>Creates the four roles (every environment) and, on request, the first administrator.</summary>
public sealed class IdentitySetup(RoleManager<IdentityRole> roles, StaffAdminService staff)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
        }
    }

    /// <summary>Creates an administrator account (the documented way to get the first account in Production).</summary>
    public async Task<IReadOnlyList<string>> CreateAdminAsync(string userName, string displayName, string password)
    {
        await EnsureRolesAsync().ConfigureAwait(false);
        return await staff.CreateAsync(new NewStaffInput
        {
            UserName = userName,
            DisplayName = displayName,
            Password = password,
            Role = StaffRoles.Admin,
        }).ConfigureAwait(false);
    }
}
