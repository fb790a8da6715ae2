using Portal.Data.Opinions;

namespace Portal.Data.Pledges;

/// <summary>The Chinese names of the pledge enums, as staff and residents read them.</summary>
public static class PledgeText
{
    public static string Of(PledgeKind kind) => kind switch
    {
        PledgeKind.Annual => "年度承诺",
        PledgeKind.Immediate => "即时承诺",
        _ => kind.ToString(),
    };

    public static string Of(PledgeStatus status) => status switch
    {
        PledgeStatus.Proposed => "已提出",
        PledgeStatus.Published => "公示中",
        PledgeStatus.Fulfilled => "已践诺",
        PledgeStatus.Overdue => "已逾期",
        PledgeStatus.Evaluated => "已评议",
        _ => status.ToString(),
    };

    public static string Of(PledgeGrade grade) => grade switch
    {
        PledgeGrade.Excellent => "优秀",
        PledgeGrade.Qualified => "合格",
        PledgeGrade.BasicallyQualified => "基本合格",
        PledgeGrade.Unqualified => "不合格",
        _ => grade.ToString(),
    };

    public static string Of(PledgeAction action) => action switch
    {
        PledgeAction.Proposed => "提出承诺",
        PledgeAction.Published => "公示",
        PledgeAction.ProgressAdded => "践诺进展",
        PledgeAction.Fulfilled => "践诺完成",
        PledgeAction.MarkedOverdue => "逾期未践诺",
        PledgeAction.Evaluated => "评议",
        PledgeAction.SelfAssessed => "自评",
        PledgeAction.PeerReviewed => "党员互评",
        PledgeAction.LeaderReviewed => "领导点评",
        PledgeAction.OwnerAccountLinked => "关联承诺人账号",
        _ => action.ToString(),
    };

    public static string Of(PledgeAssessmentKind kind) => kind switch
    {
        PledgeAssessmentKind.Self => "自评",
        PledgeAssessmentKind.Peer => "党员互评",
        PledgeAssessmentKind.Leader => "领导点评",
        _ => kind.ToString(),
    };

    public static string Of(PledgeRoundStatus status) => status switch
    {
        PledgeRoundStatus.Open => "评议进行中",
        PledgeRoundStatus.Closed => "评议已结束",
        _ => status.ToString(),
    };

    /// <summary>The public rating uses the same three levels as the opinion satisfaction rating.</summary>
    public static string Of(SatisfactionRating rating) => OpinionText.Of(rating);
}
