namespace Portal.Data.Opinions;

/// <summary>The kind of an opinion. Values are stored: never reorder or renumber.</summary>
public enum OpinionKind
{
    Suggestion = 1,   // 建议
    Complaint = 2,    // 投诉
    HelpRequest = 3,  // 求助
    Question = 4,     // 咨询
    Praise = 5,       // 表扬
}

/// <summary>Where the opinion came in. Values are stored: never reorder or renumber.</summary>
public enum OpinionChannel
{
    OpinionBox = 1,   // 网上意见箱
    Hotline = 2,      // 热线电话
    Letter = 3,       // 来信 / 征求意见卡
    Visit = 4,        // 来访
    Reception = 5,    // 接待日接谈 (registered from an interview record)
}

/// <summary>The states of DOMAIN.md. Values are stored: never reorder or renumber.</summary>
public enum OpinionStatus
{
    Submitted = 0,
    Registered = 1,
    Assigned = 2,
    InProgress = 3,
    Completed = 4,
    Published = 5,
    Rejected = 6,
    Merged = 7,
}

/// <summary>采纳情况. Values are stored: never reorder or renumber.</summary>
public enum Adoption
{
    Adopted = 1,        // 采纳
    PartlyAdopted = 2,  // 部分采纳
    NotAdopted = 3,     // 未采纳
    Explained = 4,      // 已解释说明
}

/// <summary>The resident's rating of a published reply. Values are stored: never reorder or renumber.</summary>
public enum SatisfactionRating
{
    Satisfied = 1,           // 满意
    BasicallySatisfied = 2,  // 基本满意
    Dissatisfied = 3,        // 不满意
}

/// <summary>What happened in one step of the case history. Values are stored: never reorder or renumber.</summary>
public enum OpinionAction
{
    Submitted = 1,
    Registered = 2,
    Rejected = 3,
    Merged = 4,
    Assigned = 5,
    Accepted = 6,
    Returned = 7,
    Completed = 8,
    RevisionRequested = 9,
    Published = 10,
    Rated = 11,
    Reopened = 12,
    CaseOwnerChanged = 13,
    Reminded = 14,            // 催办
    Supervised = 15,          // 督办单（普通 / 黄牌 / 红牌）
    ExtensionRequested = 16,  // 申请延期
    ExtensionApproved = 17,   // 同意延期
    ExtensionRefused = 18,    // 不同意延期
    SupervisionCleared = 19,  // 督办解除

    // 20–22 are free (reserved).
    Imported = 23,             // 历史数据导入
}
