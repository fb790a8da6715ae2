namespace Portal.Data.Pledges;

/// <summary>年度承诺 / 即时承诺. Values are stored: never reorder or renumber.</summary>
public enum PledgeKind
{
    Annual = 1,     // 年度承诺
    Immediate = 2,  // 即时承诺
}

/// <summary>提出 → 公示 → 践诺（或逾期）→ 评议. Values are stored: never reorder or renumber.</summary>
public enum PledgeStatus
{
    Proposed = 0,
    Published = 1,
    Fulfilled = 2,
    Overdue = 3,
    Evaluated = 4,
}

/// <summary>The leader's grade in the evaluation (评议等次). Values are stored: never reorder or renumber.</summary>
public enum PledgeGrade
{
    Excellent = 1,           // 优秀
    Qualified = 2,           // 合格
    BasicallyQualified = 3,  // 基本合格
    Unqualified = 4,         // 不合格
}

/// <summary>What happened in one step of a pledge's history. Values are stored: never reorder or renumber.</summary>
public enum PledgeAction
{
    Proposed = 1,
    Published = 2,
    ProgressAdded = 3,
    Fulfilled = 4,
    MarkedOverdue = 5,
    Evaluated = 6,
    SelfAssessed = 7,      // 自评
    PeerReviewed = 8,      // 党员互评
    LeaderReviewed = 9,    // 领导点评
    OwnerAccountLinked = 10,
}

/// <summary>Who gave an evaluation entry (评议). Values are stored: never reorder or renumber.</summary>
public enum PledgeAssessmentKind
{
    Self = 1,    // 自评
    Peer = 2,    // 党员互评
    Leader = 3,  // 领导点评
}

/// <summary>An evaluation round (评议) of one year. Values are stored: never reorder or renumber.</summary>
public enum PledgeRoundStatus
{
    Open = 1,
    Closed = 2,
}
