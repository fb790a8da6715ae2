using Portal.Data.Opinions;

namespace Portal.Data.Departments;

/// <summary>A department's time limit for one kind of opinion, overriding its default (in working days).</summary>
public sealed class DepartmentDeadline
{
    public OpinionKind Kind { get; set; }

    public int WorkingDays { get; set; }
}
