namespace Portal.Data.Opinions;

/// <summary>What a resident (or a moderator on a resident's behalf) submits; already cleaned and validated.</summary>
public sealed record OpinionSubmission(
    OpinionKind Kind,
    OpinionChannel Channel,
    string Title,
    string Body,
    string? Area,
    string? ResidentName,
    string? ResidentContact,
    bool IsAnonymous,
    bool ConsentToPublish);
