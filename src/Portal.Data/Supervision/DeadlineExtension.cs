using Portal.Data.Opinions;

namespace Portal.Data.Supervision;

/// <summary>
/// A handler's request for more time (延期申请) and a leader's decision on it. Created only through
/// <see cref="Request"/>, decided only once through <see cref="Approve"/> or <see cref="Refuse"/>; each step
/// also goes into the opinion's case history. At most one request per opinion is pending (unique index).
/// </summary>
public sealed class DeadlineExtension
{
    public const int MaxReasonLength = 500;
    public const int MaxCommentLength = 500;

    private DeadlineExtension()
    {
    }

    public int Id { get; private set; }

    public int OpinionId { get; private set; }

    public int DepartmentId { get; private set; }

    public string? RequestedById { get; private set; }

    public string RequestedByName { get; private set; } = "";

    public DateTime RequestedAt { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>The deadline (UTC) in force when the request was made.</summary>
    public DateTime CurrentDeadline { get; private set; }

    /// <summary>The last local day asked for.</summary>
    public DateOnly RequestedDate { get; private set; }

    /// <summary>The end of <see cref="RequestedDate"/> in UTC: the new deadline if approved.</summary>
    public DateTime RequestedDeadline { get; private set; }

    public ExtensionStatus Status { get; private set; }

    public string? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DecisionComment { get; private set; }

    /// <summary>
    /// Asks for the deadline of <paramref name="opinion"/> to move to the end of <paramref name="requestedDate"/>
    /// (<paramref name="requestedDeadline"/> in UTC). The caller checks that the day is a working day.
    /// </summary>
    public static DeadlineExtension Request(Opinion opinion, string reason, DateOnly requestedDate, DateTime requestedDeadline, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(opinion);
        ArgumentNullException.ThrowIfNull(by);
        if (opinion.Status is not (OpinionStatus.Assigned or OpinionStatus.InProgress) || opinion.Deadline is not { } current || opinion.DepartmentId is not { } departmentId)
            throw new OpinionStateException($"意见当前状态为“{OpinionText.Of(opinion.Status)}”，不能申请延期。");
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0)
            throw new OpinionStateException("请填写延期理由。");
        if (reason.Length > MaxReasonLength)
            throw new OpinionStateException($"延期理由不能超过 {MaxReasonLength} 个字。");
        if (requestedDeadline <= current)
            throw new OpinionStateException("申请的办理时限必须晚于当前时限。");

        var request = new DeadlineExtension
        {
            OpinionId = opinion.Id,
            DepartmentId = departmentId,
            RequestedById = by.UserId,
            RequestedByName = by.Name,
            RequestedAt = utcNow,
            Reason = reason,
            CurrentDeadline = current,
            RequestedDate = requestedDate,
            RequestedDeadline = requestedDeadline,
            Status = ExtensionStatus.Pending,
        };
        opinion.RecordSupervisionStep(OpinionAction.ExtensionRequested, by, $"申请延期至 {DateText(requestedDate)}：{reason}", utcNow);
        return request;
    }

    /// <summary>Approves the request: the opinion's deadline moves to the requested one.</summary>
    public void Approve(Opinion opinion, string? comment, ActorRef by, DateTime utcNow)
    {
        RequirePending(opinion);
        if (opinion.Deadline != CurrentDeadline || opinion.DepartmentId != DepartmentId)
            throw new OpinionStateException("办理时限或承办部门已变化，该申请已不适用，请不同意后由承办部门重新申请。");
        Decide(ExtensionStatus.Approved, comment, by, utcNow);
        opinion.ExtendDeadline(RequestedDeadline, by, Note($"同意延期至 {DateText(RequestedDate)}"), utcNow);
    }

    /// <summary>Refuses the request: the deadline stays; a reason is required.</summary>
    public void Refuse(Opinion opinion, string comment, ActorRef by, DateTime utcNow)
    {
        RequirePending(opinion);
        if (string.IsNullOrWhiteSpace(comment))
            throw new OpinionStateException("请填写不同意延期的理由。");
        Decide(ExtensionStatus.Refused, comment, by, utcNow);
        opinion.RecordSupervisionStep(OpinionAction.ExtensionRefused, by, Note("不同意延期"), utcNow);
    }

    public static string DateText(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private void RequirePending(Opinion opinion)
    {
        ArgumentNullException.ThrowIfNull(opinion);
        if (opinion.Id != OpinionId)
            throw new ArgumentException("The request belongs to another opinion.", nameof(opinion));
        if (Status != ExtensionStatus.Pending)
            throw new OpinionStateException($"该延期申请已{SupervisionText.Of(Status)}，不能再次审批。");
    }

    private void Decide(ExtensionStatus status, string? comment, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > MaxCommentLength })
            throw new OpinionStateException($"审批意见不能超过 {MaxCommentLength} 个字。");
        Status = status;
        DecidedById = by.UserId;
        DecidedByName = by.Name;
        DecidedAt = utcNow;
        DecisionComment = comment;
    }

    private string Note(string text) => DecisionComment is null ? text : $"{text}：{DecisionComment}";
}
