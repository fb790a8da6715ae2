namespace Portal.Data.Supervision;

/// <summary>The escalation step of a supervision notice. Values are stored: never reorder or renumber.</summary>
public enum SupervisionLevel
{
    Reminder = 1,  // 催办：时限将到
    Normal = 2,    // 督办单（普通）：已超期
    Yellow = 3,    // 黄牌督办
    Red = 4,       // 红牌督办
}

/// <summary>The state of an extension request (延期申请). Values are stored: never reorder or renumber.</summary>
public enum ExtensionStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

public static class SupervisionText
{
    public static string Of(SupervisionLevel level) => level switch
    {
        SupervisionLevel.Reminder => "催办",
        SupervisionLevel.Normal => "督办（普通）",
        SupervisionLevel.Yellow => "黄牌督办",
        SupervisionLevel.Red => "红牌督办",
        _ => level.ToString(),
    };

    public static string Of(ExtensionStatus status) => status switch
    {
        ExtensionStatus.Pending => "待审批",
        ExtensionStatus.Approved => "已同意",
        ExtensionStatus.Refused => "未同意",
        _ => status.ToString(),
    };
}
