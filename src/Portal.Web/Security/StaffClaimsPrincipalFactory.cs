using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Staff;

namespace Portal.Web.Security;

/// <summary>Adds the display name and the department to the staff member's cookie.</summary>
internal sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.DepartmentId is { } departmentId)
            identity.AddClaim(new Claim(StaffClaims.DepartmentId, departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}

public static class StaffClaims
{
    public const string DisplayName = "portal:display_name";
    public const string DepartmentId = "portal:department_id";
}
