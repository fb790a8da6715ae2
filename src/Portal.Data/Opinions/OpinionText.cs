namespace Portal.Data.Opinions;

/// <summary>The Chinese names of the opinion enums, as staff and residents read them.</summary>
public static class OpinionText
{
    public static string Of(OpinionStatus status) => status switch
    {
        OpinionStatus.Submitted => "待受理",
        OpinionStatus.Registered => "已受理",
        OpinionStatus.Assigned => "已交办",
        OpinionStatus.InProgress => "办理中",
        OpinionStatus.Completed => "已办结",
        OpinionStatus.Published => "已公开答复",
        OpinionStatus.Rejected => "不予受理",
        OpinionStatus.Merged => "已合并",
        _ => status.ToString(),
    };

    public static string Of(OpinionKind kind) => kind switch
    {
        OpinionKind.Suggestion => "建议",
        OpinionKind.Complaint => "投诉",
        OpinionKind.HelpRequest => "求助",
        OpinionKind.Question => "咨询",
        OpinionKind.Praise => "表扬",
        _ => kind.ToString(),
    };

    public static string Of(OpinionChannel channel) => channel switch
    {
        OpinionChannel.OpinionBox => "网上意见箱",
        OpinionChannel.Hotline => "热线电话",
        OpinionChannel.Letter => "来信/征求意见卡",
        OpinionChannel.Visit => "来访",
        OpinionChannel.Reception => "接待日接谈",
        _ => channel.ToString(),
    };

    public static string Of(Adoption adoption) => adoption switch
    {
        Adoption.Adopted => "采纳",
        Adoption.PartlyAdopted => "部分采纳",
        Adoption.NotAdopted => "未采纳",
        Adoption.Explained => "已解释说明",
        _ => adoption.ToString(),
    };

    public static string Of(SatisfactionRating rating) => rating switch
    {
        SatisfactionRating.Satisfied => "满意",
        SatisfactionRating.BasicallySatisfied => "基本满意",
        SatisfactionRating.Dissatisfied => "不满意",
        _ => rating.ToString(),
    };

    public static string Of(OpinionAction action) => action switch
    {
        OpinionAction.Submitted => "提交",
        OpinionAction.Registered => "受理登记",
        OpinionAction.Rejected => "不予受理",
        OpinionAction.Merged => "合并",
        OpinionAction.Assigned => "交办",
        OpinionAction.Accepted => "签收办理",
        OpinionAction.Returned => "退回重新交办",
        OpinionAction.Completed => "办结",
        OpinionAction.RevisionRequested => "退回修改答复",
        OpinionAction.Published => "公开答复",
        OpinionAction.Rated => "群众评价",
        OpinionAction.Reopened => "重新办理",
        OpinionAction.CaseOwnerChanged => "更换包案人",
        OpinionAction.Reminded => "催办",
        OpinionAction.Supervised => "督办",
        OpinionAction.ExtensionRequested => "申请延期",
        OpinionAction.ExtensionApproved => "同意延期",
        OpinionAction.ExtensionRefused => "不同意延期",
        OpinionAction.SupervisionCleared => "督办解除",
        OpinionAction.Imported => "历史数据导入",
        _ => action.ToString(),
    };
}
