using Portal.Data.Departments;
using Portal.Data.Opinions;

namespace Portal.Data.Tests.Opinions;

/// <summary>The steps of the opinion state machine, as the table-driven tests name them.</summary>
public enum OpinionStep
{
    Register,
    Reject,
    Merge,
    Assign,
    Accept,
    Return,
    Complete,
    RequestRevision,
    Publish,
    Rate,
}

/// <summary>What one legal step is expected to record in the case history.</summary>
public sealed record StepExpectation(OpinionAction Action, OpinionStatus? ToStatus, ActorRef By, string? Note);

/// <summary>
/// Builds opinions in any state by walking the legal path, and applies any step with fixed, valid arguments.
/// </summary>
public static class OpinionScenario
{
    public const string Code = "K7QMX3PA9R";
    public const string OriginalCode = "H4NPW8TZ2C";
    public const string RejectReason = "内容与本平台受理范围无关";
    public const string ReturnReason = "不属于本部门职责，请改派交通局";
    public const string RevisionReason = "答复未回应群众提出的时限问题";
    public const string PublicTitle = "小区路灯不亮";
    public const string PublicBody = "某小区3号楼前的路灯坏了两周。";
    public const string PublicReply = "已安排维修，路灯已恢复照明。";

    /// <summary>2026-03-01 10:00 Beijing time.</summary>
    public static readonly DateTime Start = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>When a step applied by a test happens: after every step of the walk, before any deadline.</summary>
    public static readonly DateTime StepTime = Start.AddDays(2);

    public static readonly DateTime Deadline = Start.AddDays(16);

    public static readonly DateTime ReopenDeadline = Start.AddDays(40);

    public static ActorRef Moderator { get; } = new("mod-1", "审核员甲");

    public static ActorRef Handler { get; } = new("handler-1", "承办人乙");

    public static Department NewDepartment(int id = 1, bool active = true) => new()
    {
        Id = id,
        Code = $"urban-{id}",
        Name = "住建局",
        Category = "城乡建设",
        IsActive = active,
    };

    public static OpinionSubmission Submission(bool consentToPublish = true, OpinionKind kind = OpinionKind.Suggestion) => new(
        kind,
        OpinionChannel.OpinionBox,
        "小区路灯不亮",
        "幸福小区3号楼前的路灯坏了两周，晚上出行不便。",
        "幸福小区",
        "李秀兰",
        "13812345678",
        IsAnonymous: false,
        ConsentToPublish: consentToPublish);

    public static HandlingResultDraft Draft(Adoption adoption = Adoption.Adopted, string? reason = null, string reply = "已安排维修，路灯已恢复照明。") =>
        new("派维修班组更换灯具", reply, adoption, reason, "张局长");

    public static Opinion Submitted(string code = Code, bool consentToPublish = true, int id = 1)
    {
        var opinion = Opinion.Submit(Submission(consentToPublish), code, ActorRef.Resident, Start);
        return WithId(opinion, id);
    }

    /// <summary>An opinion that has reached <paramref name="status"/> along the legal path, one hour per step.</summary>
    public static Opinion InState(OpinionStatus status, Department? department = null, bool consentToPublish = true)
    {
        var opinion = Submitted(consentToPublish: consentToPublish);
        OpinionStep[] path = status switch
        {
            OpinionStatus.Submitted => [],
            OpinionStatus.Registered => [OpinionStep.Register],
            OpinionStatus.Assigned => [OpinionStep.Register, OpinionStep.Assign],
            OpinionStatus.InProgress => [OpinionStep.Register, OpinionStep.Assign, OpinionStep.Accept],
            OpinionStatus.Completed => [OpinionStep.Register, OpinionStep.Assign, OpinionStep.Accept, OpinionStep.Complete],
            OpinionStatus.Published => [OpinionStep.Register, OpinionStep.Assign, OpinionStep.Accept, OpinionStep.Complete, OpinionStep.Publish],
            OpinionStatus.Rejected => [OpinionStep.Reject],
            OpinionStatus.Merged => [OpinionStep.Merge],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        var at = Start;
        foreach (var step in path)
        {
            at = at.AddHours(1);
            Apply(opinion, step, at, department);
        }

        Assert.Equal(status, opinion.Status);
        return opinion;
    }

    /// <summary>Applies <paramref name="step"/> with valid arguments (a satisfied rating for <see cref="OpinionStep.Rate"/>).</summary>
    public static void Apply(Opinion opinion, OpinionStep step, DateTime at, Department? department = null)
    {
        switch (step)
        {
            case OpinionStep.Register:
                opinion.Register(Moderator, at);
                break;
            case OpinionStep.Reject:
                opinion.Reject(RejectReason, Moderator, at);
                break;
            case OpinionStep.Merge:
                opinion.MergeInto(Original(), Moderator, at);
                break;
            case OpinionStep.Assign:
                opinion.AssignTo(department ?? NewDepartment(), Deadline, Moderator, at);
                break;
            case OpinionStep.Accept:
                opinion.Accept(Handler, at);
                break;
            case OpinionStep.Return:
                opinion.ReturnForReassignment(ReturnReason, Handler, at);
                break;
            case OpinionStep.Complete:
                opinion.Complete(Draft(), Handler, at);
                break;
            case OpinionStep.RequestRevision:
                opinion.RequestRevision(RevisionReason, Moderator, at);
                break;
            case OpinionStep.Publish:
                opinion.Publish(PublicTitle, PublicBody, PublicReply, Moderator, at);
                break;
            case OpinionStep.Rate:
                opinion.Rate(SatisfactionRating.Satisfied, "处理及时", ReopenDeadline, at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }

    /// <summary>The statuses from which each step is allowed (the state machine of DOMAIN.md).</summary>
    public static bool IsLegal(OpinionStatus from, OpinionStep step) => step switch
    {
        OpinionStep.Register => from == OpinionStatus.Submitted,
        OpinionStep.Reject or OpinionStep.Merge => from is OpinionStatus.Submitted or OpinionStatus.Registered,
        OpinionStep.Assign => from == OpinionStatus.Registered,
        OpinionStep.Accept => from == OpinionStatus.Assigned,
        OpinionStep.Return => from is OpinionStatus.Assigned or OpinionStatus.InProgress,
        OpinionStep.Complete => from == OpinionStatus.InProgress,
        OpinionStep.RequestRevision or OpinionStep.Publish => from == OpinionStatus.Completed,
        OpinionStep.Rate => from == OpinionStatus.Published,
        _ => false,
    };

    public static StepExpectation Expected(OpinionStep step) => step switch
    {
        OpinionStep.Register => new(OpinionAction.Registered, OpinionStatus.Registered, Moderator, null),
        OpinionStep.Reject => new(OpinionAction.Rejected, OpinionStatus.Rejected, Moderator, RejectReason),
        OpinionStep.Merge => new(OpinionAction.Merged, OpinionStatus.Merged, Moderator, $"合并到 {TrackingCodes.Format(OriginalCode)}"),
        OpinionStep.Assign => new(OpinionAction.Assigned, OpinionStatus.Assigned, Moderator, "交办 住建局"),
        OpinionStep.Accept => new(OpinionAction.Accepted, OpinionStatus.InProgress, Handler, null),
        OpinionStep.Return => new(OpinionAction.Returned, OpinionStatus.Registered, Handler, ReturnReason),
        OpinionStep.Complete => new(OpinionAction.Completed, OpinionStatus.Completed, Handler, null),
        OpinionStep.RequestRevision => new(OpinionAction.RevisionRequested, OpinionStatus.InProgress, Moderator, RevisionReason),
        OpinionStep.Publish => new(OpinionAction.Published, OpinionStatus.Published, Moderator, null),
        OpinionStep.Rate => new(OpinionAction.Rated, null, ActorRef.Resident, "满意"),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>Another (registered) opinion to merge duplicates into.</summary>
    public static Opinion Original(int id = 99)
    {
        var original = Submitted(OriginalCode, id: id);
        original.Register(Moderator, Start.AddMinutes(30));
        return original;
    }

    /// <summary>Entities get their ids from the database; pure unit tests give them one by hand.</summary>
    public static Opinion WithId(Opinion opinion, int id)
    {
        typeof(Opinion).GetProperty(nameof(Opinion.Id))!.SetValue(opinion, id);
        return opinion;
    }
}
