namespace Portal.Data.Pledges;

/// <summary>What a new pledge says (already cleaned and validated by the caller).</summary>
public sealed record PledgeDraft(
    string OwnerName,
    string Branch,
    PledgeKind Kind,
    int Year,
    string Title,
    string Content,
    string? Area,
    DateOnly DueDate,
    string? OwnerUserId = null);
