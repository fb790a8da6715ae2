using Portal.Data.Opinions;

namespace Portal.Data.Pledges;

/// <summary>
/// A public commitment (党员承诺) by a party member or a party branch, and its whole life:
/// 提出 (Proposed) → 公示 (Published) → 践诺 (Fulfilled) or 逾期 (Overdue) → 评议 (Evaluated).
/// State changes only through the methods below; each checks the current state, refuses an illegal step
/// with <see cref="PledgeStateException"/> before changing anything, and appends a <see cref="PledgeEvent"/>.
/// </summary>
public sealed class Pledge
{
    public const int MaxOwnerNameLength = 50;
    public const int MaxBranchLength = 50;
    public const int MaxTitleLength = 100;
    public const int MaxContentLength = 2000;
    public const int MaxAreaLength = 50;
    public const int MaxCommentLength = 500;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private readonly List<PledgeEvent> _events = [];
    private readonly List<PledgeProgress> _progress = [];
    private readonly List<PledgeRating> _ratings = [];
    private readonly List<PledgeAssessment> _assessments = [];

    private Pledge()
    {
    }

    public int Id { get; private set; }

    /// <summary>The party member (or the branch itself) who makes the pledge.</summary>
    public string OwnerName { get; private set; } = "";

    /// <summary>The owner's staff account, when the owner has one: only they post progress and assess themselves.</summary>
    public string? OwnerUserId { get; private set; }

    /// <summary>The party branch or unit (党支部 / 单位).</summary>
    public string Branch { get; private set; } = "";

    public PledgeKind Kind { get; private set; }

    public int Year { get; private set; }

    public string Title { get; private set; } = "";

    public string Content { get; private set; } = "";

    public string? Area { get; private set; }

    /// <summary>The local day by which the pledge is to be fulfilled (inclusive).</summary>
    public DateOnly DueDate { get; private set; }

    public PledgeStatus Status { get; private set; }

    public string? FulfilmentNote { get; private set; }

    public PledgeGrade? Grade { get; private set; }

    public string? LeaderComment { get; private set; }

    /// <summary>The weighted evaluation score (0–100) the grade was computed from.</summary>
    public decimal? Score { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime? FulfilledAt { get; private set; }

    public DateTime? EvaluatedAt { get; private set; }

    /// <summary>Concurrency token: incremented by every change of state or progress.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<PledgeEvent> Events => _events;

    public IReadOnlyList<PledgeProgress> Progress => _progress;

    /// <summary>The ratings loaded with the pledge (the service loads only the current device's).</summary>
    public IReadOnlyList<PledgeRating> Ratings => _ratings;

    /// <summary>The evaluation entries (self, peers, leader); the service loads them when it evaluates.</summary>
    public IReadOnlyList<PledgeAssessment> Assessments => _assessments;

    /// <summary>Public and not yet evaluated: the entries of an evaluation round may be given.</summary>
    public bool IsOpenForEvaluation => Status is PledgeStatus.Published or PledgeStatus.Fulfilled or PledgeStatus.Overdue;

    /// <summary>Whether residents can see (and rate) the pledge.</summary>
    public bool IsPublic => Status != PledgeStatus.Proposed;

    /// <summary>Past its due day and still open.</summary>
    public bool IsPastDue(DateOnly today) => Status == PledgeStatus.Published && today > DueDate;

    public static Pledge Propose(PledgeDraft draft, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(by);
        RequireText(draft.OwnerName, MaxOwnerNameLength, nameof(draft.OwnerName));
        RequireText(draft.Branch, MaxBranchLength, nameof(draft.Branch));
        RequireText(draft.Title, MaxTitleLength, nameof(draft.Title));
        RequireText(draft.Content, MaxContentLength, nameof(draft.Content));
        if (draft.Area is { Length: > MaxAreaLength })
            throw new ArgumentException($"内容不能超过 {MaxAreaLength} 个字。", nameof(draft));
        if (!Enum.IsDefined(draft.Kind))
            throw new ArgumentOutOfRangeException(nameof(draft), "请选择承诺类型。");
        if (draft.Year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(draft), "承诺年度不正确。");
        if (draft.DueDate.Year < draft.Year)
            throw new ArgumentOutOfRangeException(nameof(draft), "完成时限不能早于承诺年度。");

        var pledge = new Pledge
        {
            OwnerName = draft.OwnerName,
            OwnerUserId = string.IsNullOrWhiteSpace(draft.OwnerUserId) ? null : draft.OwnerUserId,
            Branch = draft.Branch,
            Kind = draft.Kind,
            Year = draft.Year,
            Title = draft.Title,
            Content = draft.Content,
            Area = string.IsNullOrWhiteSpace(draft.Area) ? null : draft.Area,
            DueDate = draft.DueDate,
            Status = PledgeStatus.Proposed,
            CreatedAt = utcNow,
            UpdatedAt = utcNow,
        };
        pledge._events.Add(new PledgeEvent(PledgeAction.Proposed, null, PledgeStatus.Proposed, by, null, utcNow));
        return pledge;
    }

    /// <summary>公示: the pledge becomes public for supervision.</summary>
    public void Publish(ActorRef by, DateTime utcNow)
    {
        Require(PledgeAction.Published, PledgeStatus.Proposed);
        PublishedAt = utcNow;
        MoveTo(PledgeStatus.Published, PledgeAction.Published, by, null, utcNow);
    }

    /// <summary>Records what was done on <paramref name="date"/> (a local day, not after today).</summary>
    public PledgeProgress AddProgress(DateOnly date, string text, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        Require(PledgeAction.ProgressAdded, PledgeStatus.Published, PledgeStatus.Overdue);
        RequireText(text, PledgeProgress.MaxTextLength, nameof(text));
        if (PublishedAt is { } published && date < DateOnly.FromDateTime(published).AddDays(-1))
            throw new PledgeStateException("进展日期不能早于承诺公示日期。");
        var entry = new PledgeProgress(date, text, by.UserId, by.Name, utcNow);
        _progress.Add(entry);
        AddEvent(PledgeAction.ProgressAdded, Status, Status, by, $"{date:yyyy-MM-dd} {text}", utcNow);
        Touch(utcNow);
        return entry;
    }

    /// <summary>践诺: the pledge is done. A pledge marked overdue may still be fulfilled late; the history shows it.</summary>
    public void MarkFulfilled(string? note, ActorRef by, DateTime utcNow)
    {
        Require(PledgeAction.Fulfilled, PledgeStatus.Published, PledgeStatus.Overdue);
        if (note is { Length: > MaxCommentLength })
            throw new ArgumentException($"内容不能超过 {MaxCommentLength} 个字。", nameof(note));
        var late = Status == PledgeStatus.Overdue;
        FulfilmentNote = string.IsNullOrWhiteSpace(note) ? null : note;
        FulfilledAt = utcNow;
        MoveTo(PledgeStatus.Fulfilled, PledgeAction.Fulfilled, by, late ? JoinNote("逾期后完成", FulfilmentNote) : FulfilmentNote, utcNow);
    }

    /// <summary>Marks a published pledge overdue; only once its due day (local) has passed.</summary>
    public void MarkOverdue(DateOnly today, DateTime utcNow)
    {
        Require(PledgeAction.MarkedOverdue, PledgeStatus.Published);
        if (today <= DueDate)
            throw new PledgeStateException($"承诺“{Title}”的完成时限为 {DueDate:yyyy-MM-dd}，尚未到期，不能标记为逾期。");
        MoveTo(PledgeStatus.Overdue, PledgeAction.MarkedOverdue, ActorRef.System, $"完成时限 {DueDate:yyyy-MM-dd}", utcNow);
    }

    /// <summary>
    /// 评议: the evaluation round closes and the pledge gets its computed grade and score; the leader's review
    /// comment (if any) becomes the public leader comment. Only fulfilled or overdue pledges are evaluated.
    /// </summary>
    public void Evaluate(PledgeGrade grade, decimal score, ActorRef by, DateTime utcNow)
    {
        Require(PledgeAction.Evaluated, PledgeStatus.Fulfilled, PledgeStatus.Overdue);
        if (!Enum.IsDefined(grade))
            throw new ArgumentOutOfRangeException(nameof(grade), "请选择评议等次。");
        if (score is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(score), "综合得分应在 0 到 100 之间。");
        Grade = grade;
        Score = score;
        LeaderComment = _assessments.FirstOrDefault(a => a.Kind == PledgeAssessmentKind.Leader)?.Comment;
        EvaluatedAt = utcNow;
        MoveTo(PledgeStatus.Evaluated, PledgeAction.Evaluated, by,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{PledgeText.Of(grade)}（综合得分 {score:0.##}）"), utcNow);
    }

    /// <summary>自评: the owner assesses their own pledge, once, while it is open for evaluation.</summary>
    public PledgeAssessment SelfAssess(PledgeGrade grade, string text, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireOpenForEvaluation(PledgeAction.SelfAssessed);
        if (OwnerUserId is not null && by.UserId != OwnerUserId)
            throw new PledgeStateException("只有承诺人本人可以填写自评。");
        if (_assessments.Any(a => a.Kind == PledgeAssessmentKind.Self))
            throw new PledgeStateException("该承诺已有自评，不能重复提交。");
        RequireText(text, PledgeAssessment.MaxCommentLength, nameof(text));
        return AddAssessment(PledgeAssessmentKind.Self, grade, text, by, utcNow);
    }

    /// <summary>
    /// 党员互评: a member of the same branch reviews the pledge, once; nobody reviews their own pledge.
    /// <paramref name="reviewerBranch"/> is the reviewer's party branch as recorded on their account.
    /// </summary>
    public PledgeAssessment PeerReview(PledgeGrade grade, string? comment, ActorRef by, string? reviewerBranch, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireOpenForEvaluation(PledgeAction.PeerReviewed);
        if (by.UserId is null || (OwnerUserId is not null && by.UserId == OwnerUserId))
            throw new PledgeStateException("不能评议自己的承诺。");
        if (!string.Equals(reviewerBranch, Branch, StringComparison.Ordinal))
            throw new PledgeStateException($"只有“{Branch}”的党员可以互评该承诺。");
        if (_assessments.Any(a => a.Kind == PledgeAssessmentKind.Peer && a.ReviewerUserId == by.UserId))
            throw new PledgeStateException("您已评议过该承诺，每人只能评议一次。");
        if (comment is { Length: > PledgeAssessment.MaxCommentLength })
            throw new ArgumentException($"内容不能超过 {PledgeAssessment.MaxCommentLength} 个字。", nameof(comment));
        return AddAssessment(PledgeAssessmentKind.Peer, grade, string.IsNullOrWhiteSpace(comment) ? null : comment, by, utcNow);
    }

    /// <summary>领导点评: a leader grades and comments on the pledge, once; the comment is published with the result.</summary>
    public PledgeAssessment LeaderReview(PledgeGrade grade, string comment, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireOpenForEvaluation(PledgeAction.LeaderReviewed);
        if (_assessments.Any(a => a.Kind == PledgeAssessmentKind.Leader))
            throw new PledgeStateException("该承诺已有领导点评，不能重复提交。");
        RequireText(comment, MaxCommentLength, nameof(comment));
        return AddAssessment(PledgeAssessmentKind.Leader, grade, comment, by, utcNow);
    }

    /// <summary>Links the owner's staff account (e.g. after the account was created); not once evaluated.</summary>
    public void LinkOwnerAccount(string userId, ActorRef by, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(by);
        if (Status == PledgeStatus.Evaluated)
            throw new PledgeStateException("该承诺已完成评议，不能再更改承诺人账号。");
        OwnerUserId = userId;
        AddEvent(PledgeAction.OwnerAccountLinked, Status, Status, by, null, utcNow);
        Touch(utcNow);
    }

    /// <summary>
    /// 群众测评: a resident rates the public pledge, once per device. The pledge must have been loaded with
    /// this device's earlier rating (if any); the unique index is the backstop against a race.
    /// Not a state change: no history entry and no version bump, so ratings never collide with staff edits.
    /// </summary>
    public PledgeRating Rate(SatisfactionRating rating, string? comment, string deviceTokenHash, DateTime utcNow)
    {
        if (!IsPublic)
            throw new PledgeStateException("该承诺尚未公示，不能评价。");
        if (_ratings.Any(r => r.DeviceTokenHash == deviceTokenHash))
            throw new PledgeStateException("您已评价过该承诺，每台设备只能评价一次，感谢您的参与。");
        var entry = PledgeRating.Create(rating, comment, deviceTokenHash, utcNow);
        _ratings.Add(entry);
        return entry;
    }

    private void RequireOpenForEvaluation(PledgeAction action)
    {
        if (!IsOpenForEvaluation)
            throw new PledgeStateException($"承诺“{Title}”当前状态为“{PledgeText.Of(Status)}”，不能执行“{PledgeText.Of(action)}”。");
    }

    /// <summary>
    /// An evaluation entry is not a state change: a history entry but no version bump, so that members reviewing
    /// at the same moment do not collide with each other or with staff edits.
    /// </summary>
    private PledgeAssessment AddAssessment(PledgeAssessmentKind kind, PledgeGrade grade, string? comment, ActorRef by, DateTime utcNow)
    {
        if (!Enum.IsDefined(grade))
            throw new ArgumentOutOfRangeException(nameof(grade), "请选择评议等次。");
        var entry = new PledgeAssessment(kind, grade, comment, by, utcNow);
        _assessments.Add(entry);
        var action = kind switch
        {
            PledgeAssessmentKind.Self => PledgeAction.SelfAssessed,
            PledgeAssessmentKind.Peer => PledgeAction.PeerReviewed,
            _ => PledgeAction.LeaderReviewed,
        };
        AddEvent(action, Status, Status, by, PledgeText.Of(grade), utcNow);
        return entry;
    }

    private void Require(PledgeAction action, params PledgeStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new PledgeStateException($"承诺“{Title}”当前状态为“{PledgeText.Of(Status)}”，不能执行“{PledgeText.Of(action)}”。");
    }

    private static void RequireText(string? value, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException("内容不能为空。", name);
        if (value.Length > maxLength)
            throw new ArgumentException($"内容不能超过 {maxLength} 个字。", name);
    }

    private static string JoinNote(string prefix, string? note) => note is null ? prefix : $"{prefix}：{note}";

    private void MoveTo(PledgeStatus to, PledgeAction action, ActorRef by, string? note, DateTime utcNow)
    {
        var from = Status;
        Status = to;
        AddEvent(action, from, to, by, note, utcNow);
        Touch(utcNow);
    }

    private void AddEvent(PledgeAction action, PledgeStatus? from, PledgeStatus to, ActorRef by, string? note, DateTime utcNow) =>
        _events.Add(new PledgeEvent(action, from, to, by, note, utcNow));

    private void Touch(DateTime utcNow)
    {
        UpdatedAt = utcNow;
        Version++;
    }
}
