using Portal.Data.Departments;

namespace Portal.Data.Opinions;

/// <summary>
/// One opinion (群众意见) and its whole life. State changes only through the methods below; each checks
/// the current state, refuses an illegal step with <see cref="OpinionStateException"/> before changing
/// anything, and appends an <see cref="OpinionEvent"/> to the case history.
/// </summary>
public sealed partial class Opinion
{
    public const int MaxTitleLength = 100;
    public const int MaxBodyLength = 5000;
    public const int MaxAreaLength = 50;
    public const int MaxNameLength = 50;
    public const int MaxContactLength = 100;
    public const int MaxReasonLength = 500;

    /// <summary>How many times a dissatisfied rating may send the opinion back to the department.</summary>
    public const int MaxReopenCount = 1;
    public const int MaxSuggestions = 3;

    private readonly List<OpinionEvent> _events = [];
    private readonly List<HandlingResult> _results = [];
    private readonly List<Satisfaction> _ratings = [];

    private Opinion()
    {
    }

    public int Id { get; private set; }

    public string TrackingCode { get; private set; } = "";

    public OpinionKind Kind { get; private set; }

    public OpinionChannel Channel { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string? Area { get; private set; }

    /// <summary>Private: never shown publicly.</summary>
    public string? ResidentName { get; private set; }

    /// <summary>Private: never shown publicly.</summary>
    public string? ResidentContact { get; private set; }

    public bool IsAnonymous { get; private set; }

    public bool ConsentToPublish { get; private set; }

    public OpinionStatus Status { get; private set; }

    /// <summary>The form instance this opinion came from (see <see cref="OpinionSubmission"/>).</summary>
    public Guid? SubmissionKey { get; private set; }

    public int? DepartmentId { get; private set; }

    public Department? Department { get; private set; }

    public DateTime? Deadline { get; private set; }

    public string? CaseOwnerId { get; private set; }

    public string? CaseOwnerName { get; private set; }

    /// <summary>The router's best proposal; empty when the router had none.</summary>
    public int? SuggestedDepartmentId { get; private set; }

    public float? SuggestionConfidence { get; private set; }

    /// <summary>The router's ranked proposals (best first, at most three), offered one click away.</summary>
    public IReadOnlyList<DepartmentSuggestion> Suggestions { get; private set; } = [];

    /// <summary>The version of the router model that made the suggestions.</summary>
    public int? SuggestedByModelVersion { get; private set; }

    /// <summary>The department of the first assignment, kept for the router's acceptance figures.</summary>
    public int? InitialDepartmentId { get; private set; }

    public DateTime? FirstAssignedAt { get; private set; }

    /// <summary>True when the first assignment was made by the router without a moderator.</summary>
    public bool AssignedByRouter { get; private set; }

    /// <summary>How many times departments returned the opinion as not theirs.</summary>
    public int ReturnCount { get; private set; }

    public int? MergedIntoId { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>The reason of the latest return by a department, shown to moderators while re-assigning.</summary>
    public string? ReturnReason { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>The public (masked, possibly edited) title and body; set when published.</summary>
    public string? PublicTitle { get; private set; }

    public string? PublicBody { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? RegisteredAt { get; private set; }

    public DateTime? AssignedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    /// <summary>Concurrency token: incremented by every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<OpinionEvent> Events => _events;

    public IReadOnlyList<HandlingResult> Results => _results;

    public IReadOnlyList<Satisfaction> Ratings => _ratings;

    /// <summary>The handling round: 1, or 2 after a dissatisfied rating reopened the case.</summary>
    public int Round => ReopenCount + 1;

    /// <summary>The result of the current round, once the department has completed it.</summary>
    public HandlingResult? CurrentResult => _results.Where(r => r.Round == Round).MaxBy(r => r.CompletedAt);

    /// <summary>Whether the opinion (masked) appears on the public list of published opinions.</summary>
    public bool IsPubliclyListed => Status == OpinionStatus.Published && ConsentToPublish;

    public bool IsOverdue(DateTime utcNow) =>
        Deadline is { } deadline && utcNow > deadline &&
        Status is OpinionStatus.Assigned or OpinionStatus.InProgress;

    public static Opinion Submit(OpinionSubmission submission, string trackingCode, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingCode);
        ArgumentNullException.ThrowIfNull(by);
        RequireText(submission.Title, MaxTitleLength, nameof(submission.Title));
        RequireText(submission.Body, MaxBodyLength, nameof(submission.Body));

        var opinion = new Opinion
        {
            TrackingCode = trackingCode,
            Kind = submission.Kind,
            Channel = submission.Channel,
            Title = submission.Title,
            Body = submission.Body,
            Area = submission.Area,
            ResidentName = submission.ResidentName,
            ResidentContact = submission.ResidentContact,
            IsAnonymous = submission.IsAnonymous,
            ConsentToPublish = submission.ConsentToPublish,
            SubmissionKey = submission.SubmissionKey,
            Status = OpinionStatus.Submitted,
            CreatedAt = utcNow,
            UpdatedAt = utcNow,
        };
        opinion._events.Add(new OpinionEvent(OpinionAction.Submitted, null, OpinionStatus.Submitted, by, null, utcNow));
        return opinion;
    }

    /// <summary>Records the router's ranked proposals (best first). Does not change the state.</summary>
    public void SuggestDepartments(IReadOnlyList<DepartmentSuggestion> ranked, int? modelVersion)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        if (ranked.Count == 0)
            throw new ArgumentException("At least one suggestion is needed.", nameof(ranked));
        Suggestions = [.. ranked.Take(MaxSuggestions)];
        SuggestedDepartmentId = ranked[0].DepartmentId;
        SuggestionConfidence = ranked[0].Confidence;
        SuggestedByModelVersion = modelVersion;
    }

    /// <summary>
    /// The router assigns a registered opinion to its best suggestion. The history names the router as the
    /// actor and records the confidence and the model version.
    /// </summary>
    public void AssignByRouter(Department department, DateTime deadline, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(department);
        if (SuggestedDepartmentId != department.Id || SuggestionConfidence is not { } confidence)
            throw new OpinionStateException("只能自动交办给分类模型建议的部门。");
        var note = $"自动交办 {department.Name}（置信度 {confidence:P0}，模型 v{SuggestedByModelVersion}）";
        Assign(department, deadline, ActorRef.Router, utcNow, note, byRouter: true);
    }

    public void Register(ActorRef by, DateTime utcNow)
    {
        Require(OpinionAction.Registered, OpinionStatus.Submitted);
        RegisteredAt = utcNow;
        CaseOwnerId ??= by.UserId;
        CaseOwnerName ??= by.UserId is null ? null : by.Name;
        MoveTo(OpinionStatus.Registered, OpinionAction.Registered, by, null, utcNow);
    }

    public void Reject(string reason, ActorRef by, DateTime utcNow)
    {
        Require(OpinionAction.Rejected, OpinionStatus.Submitted, OpinionStatus.Registered);
        RequireText(reason, MaxReasonLength, nameof(reason));
        RejectionReason = reason;
        MoveTo(OpinionStatus.Rejected, OpinionAction.Rejected, by, reason, utcNow);
    }

    /// <summary>Marks this opinion as a duplicate of <paramref name="original"/>, whose answer it follows.</summary>
    public void MergeInto(Opinion original, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(original);
        Require(OpinionAction.Merged, OpinionStatus.Submitted, OpinionStatus.Registered);
        if (ReferenceEquals(original, this) || (original.Id != 0 && original.Id == Id))
            throw new OpinionStateException("不能将意见合并到其自身。");
        if (original.Status is OpinionStatus.Rejected or OpinionStatus.Merged)
            throw new OpinionStateException($"目标意见 {original.TrackingCode} 的状态为“{OpinionText.Of(original.Status)}”，不能作为合并目标。");
        MergedIntoId = original.Id;
        MoveTo(OpinionStatus.Merged, OpinionAction.Merged, by, $"合并到 {TrackingCodes.Format(original.TrackingCode)}", utcNow);
    }

    public void AssignTo(Department department, DateTime deadline, ActorRef by, DateTime utcNow, string? note = null) =>
        Assign(department, deadline, by, utcNow, note, byRouter: false);

    private void Assign(Department department, DateTime deadline, ActorRef by, DateTime utcNow, string? note, bool byRouter)
    {
        ArgumentNullException.ThrowIfNull(department);
        Require(OpinionAction.Assigned, OpinionStatus.Registered);
        if (!department.IsActive)
            throw new OpinionStateException($"部门“{department.Name}”已停用，不能交办。");
        if (deadline <= utcNow)
            throw new ArgumentOutOfRangeException(nameof(deadline), "办理时限必须晚于当前时间。");
        DepartmentId = department.Id;
        Department = department;
        Deadline = deadline;
        AssignedAt = utcNow;
        if (FirstAssignedAt is null)
        {
            FirstAssignedAt = utcNow;
            InitialDepartmentId = department.Id;
            AssignedByRouter = byRouter;
        }

        ReturnReason = null;
        MoveTo(OpinionStatus.Assigned, OpinionAction.Assigned, by, note ?? $"交办 {department.Name}", utcNow);
    }

    public void Accept(ActorRef by, DateTime utcNow)
    {
        Require(OpinionAction.Accepted, OpinionStatus.Assigned);
        MoveTo(OpinionStatus.InProgress, OpinionAction.Accepted, by, null, utcNow);
    }

    /// <summary>The department says the opinion is not theirs: back to the moderators for re-assignment.</summary>
    public void ReturnForReassignment(string reason, ActorRef by, DateTime utcNow)
    {
        Require(OpinionAction.Returned, OpinionStatus.Assigned, OpinionStatus.InProgress);
        RequireText(reason, MaxReasonLength, nameof(reason));
        ReturnReason = reason;
        ReturnCount++;
        DepartmentId = null;
        Department = null;
        Deadline = null;
        MoveTo(OpinionStatus.Registered, OpinionAction.Returned, by, reason, utcNow);
    }

    public void Complete(HandlingResultDraft draft, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Require(OpinionAction.Completed, OpinionStatus.InProgress);
        _results.Add(HandlingResult.Create(Round, draft, by, utcNow));
        CompletedAt = utcNow;
        MoveTo(OpinionStatus.Completed, OpinionAction.Completed, by, null, utcNow);
    }

    /// <summary>A moderator sends the handling result back to the department before publishing it.</summary>
    public void RequestRevision(string reason, ActorRef by, DateTime utcNow)
    {
        Require(OpinionAction.RevisionRequested, OpinionStatus.Completed);
        RequireText(reason, MaxReasonLength, nameof(reason));
        CompletedAt = null;
        MoveTo(OpinionStatus.InProgress, OpinionAction.RevisionRequested, by, reason, utcNow);
    }

    /// <summary>Publishes the reply (to the resident, and to the public list when consent was given).</summary>
    public void Publish(string publicTitle, string publicBody, string publicReply, ActorRef by, DateTime utcNow)
    {
        Require(OpinionAction.Published, OpinionStatus.Completed);
        RequireText(publicTitle, MaxTitleLength, nameof(publicTitle));
        RequireText(publicBody, MaxBodyLength, nameof(publicBody));
        RequireText(publicReply, HandlingResult.MaxReplyLength, nameof(publicReply));
        PublicTitle = publicTitle;
        PublicBody = publicBody;
        CurrentResult!.SetPublicReply(publicReply);
        PublishedAt = utcNow;
        MoveTo(OpinionStatus.Published, OpinionAction.Published, by, null, utcNow);
    }

    /// <summary>
    /// The resident rates the published reply, once per round. A dissatisfied rating reopens handling
    /// (with <paramref name="reopenDeadline"/>) as long as it has not been reopened before.
    /// </summary>
    public Satisfaction Rate(SatisfactionRating rating, string? comment, DateTime reopenDeadline, DateTime utcNow)
    {
        Require(OpinionAction.Rated, OpinionStatus.Published);
        if (_ratings.Any(r => r.Round == Round))
            throw new OpinionStateException("您已评价过本次答复，感谢您的反馈。");
        var satisfaction = Satisfaction.Create(Round, rating, comment, utcNow);
        _ratings.Add(satisfaction);
        AddEvent(OpinionAction.Rated, Status, Status, ActorRef.Resident, OpinionText.Of(rating), utcNow);
        Touch(utcNow);

        if (rating == SatisfactionRating.Dissatisfied && ReopenCount < MaxReopenCount)
        {
            ReopenCount++;
            Deadline = reopenDeadline;
            CompletedAt = null;
            MoveTo(OpinionStatus.InProgress, OpinionAction.Reopened, ActorRef.System, "群众不满意，重新办理", utcNow);
        }

        return satisfaction;
    }

    public bool CanBeRated => Status == OpinionStatus.Published && _ratings.All(r => r.Round != Round);

    public void ChangeCaseOwner(string userId, string name, ActorRef by, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Status is OpinionStatus.Rejected or OpinionStatus.Merged)
            throw new OpinionStateException($"意见的状态为“{OpinionText.Of(Status)}”，不能更换包案人。");
        CaseOwnerId = userId;
        CaseOwnerName = name;
        AddEvent(OpinionAction.CaseOwnerChanged, Status, Status, by, $"包案人：{name}", utcNow);
        Touch(utcNow);
    }

    private void Require(OpinionAction action, params OpinionStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new OpinionStateException(
                $"意见 {TrackingCode} 当前状态为“{OpinionText.Of(Status)}”，不能执行“{OpinionText.Of(action)}”。");
    }

    private static void RequireText(string? value, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException("内容不能为空。", name);
        if (value.Length > maxLength)
            throw new ArgumentException($"内容不能超过 {maxLength} 个字。", name);
    }

    private void MoveTo(OpinionStatus to, OpinionAction action, ActorRef by, string? note, DateTime utcNow)
    {
        var from = Status;
        Status = to;
        AddEvent(action, from, to, by, note, utcNow);
        Touch(utcNow);
    }

    private void AddEvent(OpinionAction action, OpinionStatus? from, OpinionStatus to, ActorRef by, string? note, DateTime utcNow) =>
        _events.Add(new OpinionEvent(action, from, to, by, note, utcNow));

    private void Touch(DateTime utcNow)
    {
        UpdatedAt = utcNow;
        Version++;
    }
}
