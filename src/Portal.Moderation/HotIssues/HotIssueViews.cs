using Portal.Data.HotIssues;
using Portal.Data.Opinions;

namespace Portal.Moderation.HotIssues;

/// <summary>One hot issue over a period, as ranked for leaders and for the periodic briefing.</summary>
/// <param name="Departments">Extra: the departments its opinions were assigned to.</param>
/// <param name="Status">Extra: open, handled (or merged).</param>
public sealed record HotIssueSummary(
    int GroupId,
    string Title,
    int OpinionCount,
    int DistinctResidents,
    int Supports,
    IReadOnlyList<string> Areas,
    DateTime FirstAt,
    DateTime LastAt,
    double Heat,
    IReadOnlyList<string>? Departments = null,
    HotIssueStatus Status = HotIssueStatus.Open);

/// <summary>A department or an area whose weekly volume jumped above its own baseline.</summary>
/// <param name="Dimension">"部门" or "片区".</param>
/// <param name="Baseline">The mean weekly count of the baseline weeks.</param>
/// <param name="Threshold">Extra: the count the week had to reach.</param>
public sealed record Spike(string Dimension, string Name, int ThisWeek, double Baseline, IReadOnlyList<int> OpinionIds, double Threshold = 0);

/// <summary>Filters of the leaders' list. Times are UTC, the end exclusive.</summary>
public sealed record HotIssueFilter(DateTime FromUtc, DateTime ToUtc, string? Area = null, int? DepartmentId = null, bool IncludeHandled = true);

public sealed record HotIssueMemberView(
    int OpinionId, string TrackingCode, string Title, string? Area, string? DepartmentName, OpinionStatus Status,
    DateTime At, int Supports, double Similarity, bool IsPinned);

public sealed record HotIssueEventView(HotIssueAction Action, string ActorName, string? Note, int? OtherGroupId, DateTime OccurredAt);

public sealed record HotIssueDetail(
    HotIssueSummary Summary, HotIssueStatus Status, int Version, string? HandledNote, string? HandledByName, DateTime? HandledAt, int? MergedIntoId,
    IReadOnlyList<HotIssueMemberView> Members, IReadOnlyList<HotIssueEventView> History);

/// <summary>A group another may be merged into.</summary>
public sealed record HotIssueChoice(int GroupId, string Title, int OpinionCount, DateTime LastAt);

public static class HotIssueText
{
    public static string Of(HotIssueStatus status) => status switch
    {
        HotIssueStatus.Open => "跟踪中",
        HotIssueStatus.Handled => "已处置",
        HotIssueStatus.Merged => "已合并",
        _ => status.ToString(),
    };

    public static string Of(HotIssueAction action) => action switch
    {
        HotIssueAction.MergedFrom => "合并入本热点",
        HotIssueAction.MergedInto => "并入其他热点",
        HotIssueAction.SplitOut => "拆分出新热点",
        HotIssueAction.SplitFrom => "由拆分产生",
        HotIssueAction.Handled => "标记已处置",
        HotIssueAction.Reopened => "重新跟踪",
        _ => action.ToString(),
    };
}
