using Portal.Data.Staff;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Opinions;

/// <summary>
/// Who may read an opinion's case file (ADR-015): leaders, moderators and administrators read every case; a
/// handler reads only the cases now assigned to their own department; nobody else reads any. Every query that
/// takes an opinion id and a <see cref="StaffActor"/> asks this one rule, so a forged id in a request or an
/// interactive event never reaches another department's opinion.
/// </summary>
public static class CaseAccess
{
    public static bool CanRead(StaffActor actor, int? opinionDepartmentId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.CanSupervise || IsHandlerOf(actor, opinionDepartmentId);
    }

    /// <summary>A handler whose department is the one the opinion is assigned to now.</summary>
    public static bool IsHandlerOf(StaffActor actor, int? opinionDepartmentId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsInRole(StaffRoles.Handler) && actor.DepartmentId is { } own && own == opinionDepartmentId;
    }
}
