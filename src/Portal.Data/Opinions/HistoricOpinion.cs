namespace Portal.Data.Opinions;

/// <summary>
/// One opinion from an earlier message board, validated and ready to enter the ledger as a finished record.
/// Public texts are already masked by the caller.
/// </summary>
/// <param name="ImportKey">Identifies the message across imports (a hash of its title, body and time), so a re-import does not duplicate it.</param>
/// <param name="SubmittedAt">When the resident wrote it (UTC).</param>
/// <param name="RepliedAt">When the reply was given (UTC); required with <paramref name="Reply"/>.</param>
/// <param name="WrittenBy">Who is named as the reply's author: the department, or 原系统 when unknown.</param>
public sealed record HistoricOpinion(
    string ImportKey,
    string Title,
    string Body,
    DateTime SubmittedAt,
    OpinionKind Kind,
    OpinionChannel Channel,
    string? Area,
    int? DepartmentId,
    int Supports,
    string? Reply,
    DateTime? RepliedAt,
    Adoption Adoption,
    string WrittenBy,
    bool ConsentToPublish,
    string PublicTitle,
    string PublicBody,
    string? PublicReply);
