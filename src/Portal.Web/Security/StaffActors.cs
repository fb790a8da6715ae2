using System.Globalization;
using System.Security.Claims;
using Portal.Moderation.Staff;

namespace Portal.Web.Security;

public static class StaffActors
{
    /// <summary>The workflow actor for a signed-in staff member, or null for anyone else.</summary>
    public static StaffActor? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
            return null;
        var name = user.FindFirstValue(StaffClaims.DisplayName) ?? user.Identity.Name ?? id;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        int? department = int.TryParse(user.FindFirstValue(StaffClaims.DepartmentId), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        return new StaffActor(id, name, roles, department);
    }
}
