namespace Portal.Data.Opinions;

/// <summary>
/// What a resident (or a moderator on a resident's behalf) submits; already cleaned and validated.
/// <paramref name="SubmissionKey"/> identifies one filled-in form, so that posting it twice (a refresh, a
/// double click) stores one opinion.
/// </summary>
public sealed record OpinionSubmission(
    OpinionKind Kind,
    OpinionChannel Channel,
    string Title,
    string Body,
    string? Area,
    string? ResidentName,
    string? ResidentContact,
    bool IsAnonymous,
    bool ConsentToPublish,
    Guid? SubmissionKey = null);
