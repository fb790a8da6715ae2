namespace Portal.Data.Opinions;

/// <summary>What the department did and the answer to the resident (办结单), one per completion.</summary>
public sealed class HandlingResult
{
    public const int MaxActionsLength = 2000;
    public const int MaxReplyLength = 3000;
    public const int MaxAdoptionReasonLength = 500;
    public const int MaxSignedOffByLength = 50;

    private HandlingResult()
    {
    }

    public int Id { get; private set; }

    public int OpinionId { get; private set; }

    /// <summary>1 for the first handling, 2 after a dissatisfied rating reopened the case.</summary>
    public int Round { get; private set; }

    /// <summary>Internal: what the department did.</summary>
    public string ActionsTaken { get; private set; } = "";

    /// <summary>The answer to the resident as the department wrote it (kept in the ledger).</summary>
    public string ReplyText { get; private set; } = "";

    /// <summary>The public version of the reply, masked and possibly edited by a moderator at publication.</summary>
    public string? PublicReply { get; private set; }

    public Adoption Adoption { get; private set; }

    public string? AdoptionReason { get; private set; }

    public string? WrittenByUserId { get; private set; }

    public string WrittenByName { get; private set; } = "";

    /// <summary>The leader who signed the answer off (签发).</summary>
    public string SignedOffBy { get; private set; } = "";

    public DateTime CompletedAt { get; private set; }

    internal static HandlingResult Create(int round, HandlingResultDraft draft, ActorRef by, DateTime utcNow)
    {
        Require(draft.ActionsTaken, MaxActionsLength, "办理情况");
        Require(draft.ReplyText, MaxReplyLength, "答复内容");
        Require(draft.SignedOffBy, MaxSignedOffByLength, "签发人");
        if (!Enum.IsDefined(draft.Adoption))
            throw new ArgumentOutOfRangeException(nameof(draft), "请选择采纳情况。");
        if (draft.Adoption == Adoption.NotAdopted && string.IsNullOrWhiteSpace(draft.AdoptionReason))
            throw new ArgumentException("未采纳时必须说明理由。", nameof(draft));
        if (draft.AdoptionReason is { Length: > MaxAdoptionReasonLength })
            throw new ArgumentException($"理由不能超过 {MaxAdoptionReasonLength} 个字。", nameof(draft));

        return new HandlingResult
        {
            Round = round,
            ActionsTaken = draft.ActionsTaken,
            ReplyText = draft.ReplyText,
            Adoption = draft.Adoption,
            AdoptionReason = string.IsNullOrWhiteSpace(draft.AdoptionReason) ? null : draft.AdoptionReason,
            WrittenByUserId = by.UserId,
            WrittenByName = by.Name,
            SignedOffBy = draft.SignedOffBy,
            CompletedAt = utcNow,
        };
    }

    /// <summary>The reply of an opinion imported from an earlier message board: what the department did was not recorded.</summary>
    internal static HandlingResult Imported(string reply, string publicReply, Adoption adoption, string writtenBy, DateTime repliedAt)
    {
        Require(reply, MaxReplyLength, "答复内容");
        return new HandlingResult
        {
            Round = 1,
            ActionsTaken = ImportedActions,
            ReplyText = reply,
            PublicReply = publicReply,
            Adoption = adoption,
            WrittenByName = writtenBy,
            SignedOffBy = "",
            CompletedAt = repliedAt,
        };
    }

    /// <summary>What an imported reply says about the handling, which earlier message boards did not record.</summary>
    public const string ImportedActions = "（历史数据导入，原系统未记录办理情况）";

    internal void SetPublicReply(string publicReply) => PublicReply = publicReply;

    private static void Require(string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{label}不能为空。");
        if (value.Length > maxLength)
            throw new ArgumentException($"{label}不能超过 {maxLength} 个字。");
    }
}

/// <summary>The handling result as a handler writes it.</summary>
public sealed record HandlingResultDraft(
    string ActionsTaken,
    string ReplyText,
    Adoption Adoption,
    string? AdoptionReason,
    string SignedOffBy);
