namespace Portal.Moderation.Routing;

/// <summary>
/// Proposes the responsible department for an opinion. The seam for the ML.NET router: until a model is
/// trained, <see cref="ManualRouter"/> proposes nothing and moderators assign by hand. A router proposes,
/// the workflow decides.
/// </summary>
public interface IDepartmentRouter
{
    /// <summary>Returns the best suggestion, or null when the router has none.</summary>
    ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken);
}

/// <param name="DepartmentId">The proposed department.</param>
/// <param name="Confidence">Between 0 and 1.</param>
public sealed record RoutingSuggestion(int DepartmentId, float Confidence);

/// <summary>No router: every opinion is routed by a moderator.</summary>
public sealed class ManualRouter : IDepartmentRouter
{
    public ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RoutingSuggestion?>(null);
}
