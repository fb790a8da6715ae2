using Portal.Data.Opinions;

namespace Portal.Moderation.Opinions;

/// <summary>A row of the moderation queue or a department inbox.</summary>
public sealed record OpinionListItem(
    int Id,
    string TrackingCode,
    string Title,
    OpinionKind Kind,
    OpinionChannel Channel,
    string? Area,
    OpinionStatus Status,
    DateTime CreatedAt,
    string? DepartmentName,
    string? SuggestedDepartmentName,
    float? SuggestionConfidence,
    string? ReturnReason,
    DateTime? Deadline,
    bool IsOverdue,
    int Version);

/// <summary>Everything staff see about one opinion.</summary>
public sealed record CaseView(
    int Id,
    string TrackingCode,
    OpinionKind Kind,
    OpinionChannel Channel,
    string Title,
    string Body,
    string? Area,
    string? ResidentName,
    string? ResidentContact,
    bool ContactHidden,
    bool IsAnonymous,
    bool ConsentToPublish,
    OpinionStatus Status,
    int? DepartmentId,
    string? DepartmentName,
    DateTime? Deadline,
    bool IsOverdue,
    string? CaseOwnerName,
    int? SuggestedDepartmentId,
    string? SuggestedDepartmentName,
    float? SuggestionConfidence,
    IReadOnlyList<SuggestionView> Suggestions,
    string? MergedIntoTrackingCode,
    string? RejectionReason,
    string? ReturnReason,
    int ReopenCount,
    string? PublicTitle,
    string? PublicBody,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    DateTime? PublishedAt,
    int Version,
    IReadOnlyList<HandlingResultView> Results,
    IReadOnlyList<RatingView> Ratings,
    IReadOnlyList<HistoryEntry> History);

/// <summary>One of the router's ranked proposals, with the department's name.</summary>
public sealed record SuggestionView(int DepartmentId, string DepartmentName, float Confidence);

public sealed record HandlingResultView(
    int Round,
    string ActionsTaken,
    string ReplyText,
    string? PublicReply,
    Adoption Adoption,
    string? AdoptionReason,
    string WrittenByName,
    string SignedOffBy,
    DateTime CompletedAt);

public sealed record RatingView(int Round, SatisfactionRating Rating, string? Comment, DateTime RatedAt);

/// <summary>One line of the staff case history.</summary>
public sealed record HistoryEntry(DateTime OccurredAt, OpinionAction Action, OpinionStatus? From, OpinionStatus To, string ActorName, string? Note);

/// <summary>One line of the resident's status timeline, in public wording.</summary>
public sealed record TimelineEntry(DateTime OccurredAt, string Text);

/// <summary>What a resident sees with a tracking code.</summary>
public sealed record TrackingView(
    string TrackingCode,
    string Title,
    OpinionKind Kind,
    DateTime SubmittedAt,
    string StatusText,
    OpinionStatus Status,
    string? DepartmentName,
    DateTime? Deadline,
    bool IsOverdue,
    string? RejectionReason,
    bool IsMerged,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<PublishedReply> Replies,
    bool CanRate,
    IReadOnlyList<RatingView> Ratings,
    bool DeadlineExtended = false);

/// <summary>A published answer as the public and the resident read it.</summary>
public sealed record PublishedReply(int Round, string Reply, Adoption Adoption, string? AdoptionReason, string DepartmentName, DateTime CompletedAt);

/// <summary>A row of the public list of published opinions (采纳处理情况公示), with its supports (附议, imported ones included).</summary>
public sealed record PublishedListItem(
    int Id,
    string Title,
    OpinionKind Kind,
    string? Area,
    string DepartmentName,
    Adoption? Adoption,
    DateTime SubmittedAt,
    DateTime PublishedAt,
    int DaysTaken,
    int Supports);

public sealed record PublishedDetail(
    int Id,
    string Title,
    string Body,
    OpinionKind Kind,
    string? Area,
    string DepartmentName,
    DateTime SubmittedAt,
    DateTime? CompletedAt,
    DateTime PublishedAt,
    int DaysTaken,
    IReadOnlyList<PublishedReply> Replies);

public sealed record PublishedFilter(
    int? DepartmentId = null,
    OpinionKind? Kind = null,
    Adoption? Adoption = null,
    string? Month = null,
    string? Search = null,
    int Page = 1,
    int PageSize = 20);

/// <summary>Which staff list a page belongs to.</summary>
public enum OpinionListScope
{
    /// <summary>Submitted, registered and completed opinions waiting for a moderator.</summary>
    ModerationQueue,

    /// <summary>The assigned and in-progress opinions of the handler's own department.</summary>
    DepartmentInbox,
}

/// <summary>The columns a staff list may be sorted by; <see cref="Default"/> is the list's own order.</summary>
public enum OpinionListSort
{
    Default,
    Status,
    Created,
    Deadline,
    Title,
    Area,
}

/// <summary>
/// One page of a staff list: <paramref name="Status"/> narrows it to one of the scope's states; <paramref name="Search"/>
/// looks in title, tracking code (dashes ignored) and area; <paramref name="PageIndex"/> counts from 0.
/// </summary>
public sealed record OpinionPageRequest(
    OpinionListScope Scope,
    OpinionStatus? Status = null,
    string? Search = null,
    OpinionListSort Sort = OpinionListSort.Default,
    bool Descending = false,
    int PageIndex = 0,
    int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

/// <summary>What a list on screen asks for (search, sort, page), before the page adds which list it is.</summary>
public sealed record OpinionPageView(string? Search, OpinionListSort Sort, bool Descending, int PageIndex, int PageSize)
{
    public OpinionPageRequest In(OpinionListScope scope, OpinionStatus? status = null) =>
        new(scope, status, Search, Sort, Descending, PageIndex, PageSize);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The leader's first overview.</summary>
public sealed record LeaderOverview(
    IReadOnlyDictionary<OpinionStatus, int> ByStatus,
    IReadOnlyList<DepartmentFigures> Departments,
    IReadOnlyList<OpinionListItem> Overdue,
    double? AverageDaysToComplete,
    double? SatisfactionRate,
    int RatingCount);

public sealed record DepartmentFigures(int DepartmentId, string Name, int Open, int Overdue, int Completed, double? AverageDays, double? SatisfactionRate);
