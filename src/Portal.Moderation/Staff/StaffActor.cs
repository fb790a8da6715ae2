using Portal.Data.Opinions;
using Portal.Data.Staff;

namespace Portal.Moderation.Staff;

/// <summary>The signed-in staff member on whose behalf a workflow step runs.</summary>
public sealed record StaffActor(string UserId, string Name, IReadOnlySet<string> Roles, int? DepartmentId)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool CanModerate => IsInRole(StaffRoles.Moderator) || IsInRole(StaffRoles.Admin);

    public bool CanSupervise => IsInRole(StaffRoles.Leader) || CanModerate;

    public ActorRef Ref => new(UserId, Name);
}

/// <summary>Thrown when a staff member tries a step their role or department does not allow.</summary>
public sealed class WorkflowAccessDeniedException : UnauthorizedAccessException
{
    public WorkflowAccessDeniedException(string message) : base(message)
    {
    }

    public WorkflowAccessDeniedException()
    {
    }

    public WorkflowAccessDeniedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
