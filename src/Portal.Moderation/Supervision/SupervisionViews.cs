using Portal.Data.Supervision;

namespace Portal.Moderation.Supervision;

/// <summary>An open (or, on the case view, past) reminder or supervision notice.</summary>
public sealed record NoticeView(
    long Id,
    int OpinionId,
    string TrackingCode,
    string Title,
    string DepartmentName,
    SupervisionLevel Level,
    DateTime Deadline,
    DateTime IssuedAt,
    DateTime? ClearedAt,
    string? ClearReason,
    string? CaseOwnerName);

/// <summary>An extension request with its decision, if any.</summary>
public sealed record ExtensionView(
    int Id,
    int OpinionId,
    string TrackingCode,
    string Title,
    string DepartmentName,
    string RequestedByName,
    DateTime RequestedAt,
    string Reason,
    DateTime CurrentDeadline,
    DateOnly RequestedDate,
    ExtensionStatus Status,
    string? DecidedByName,
    DateTime? DecidedAt,
    string? DecisionComment);

/// <summary>Open notices of one department, by level.</summary>
public sealed record DepartmentSupervision(string DepartmentName, int Reminders, int Normal, int Yellow, int Red)
{
    public int Total => Reminders + Normal + Yellow + Red;
}

/// <summary>The leader's supervision board (督办台).</summary>
public sealed record SupervisionBoard(
    IReadOnlyList<NoticeView> Notices,
    IReadOnlyList<ExtensionView> PendingExtensions,
    IReadOnlyList<DepartmentSupervision> Departments)
{
    public int Count(SupervisionLevel level) => Notices.Count(n => n.Level == level);
}

/// <summary>Supervision of one case: its notices (open and cleared) and its extension requests.</summary>
public sealed record CaseSupervision(IReadOnlyList<NoticeView> Notices, IReadOnlyList<ExtensionView> Extensions)
{
    public ExtensionView? Pending => Extensions.FirstOrDefault(e => e.Status == ExtensionStatus.Pending);
}
