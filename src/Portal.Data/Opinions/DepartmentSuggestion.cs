namespace Portal.Data.Opinions;

/// <summary>One of the router's ranked proposals for an opinion.</summary>
/// <param name="DepartmentId">The proposed department.</param>
/// <param name="Confidence">The model's probability, between 0 and 1.</param>
public sealed record DepartmentSuggestion(int DepartmentId, float Confidence);
