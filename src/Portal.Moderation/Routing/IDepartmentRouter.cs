using Portal.Data.Opinions;

namespace Portal.Moderation.Routing;

/// <summary>
/// Proposes the responsible department for an opinion. <see cref="MlDepartmentRouter"/> asks the active
/// ML.NET model; <see cref="ManualRouter"/> proposes nothing. A router proposes, the workflow decides.
/// </summary>
public interface IDepartmentRouter
{
    /// <summary>Returns the ranked suggestions, or null when the router has none.</summary>
    ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken);
}

/// <param name="Ranked">Active departments, best first (at most <see cref="Opinion.MaxSuggestions"/>).</param>
/// <param name="ModelVersion">The model that made them.</param>
public sealed record RoutingSuggestion(IReadOnlyList<DepartmentSuggestion> Ranked, int? ModelVersion)
{
    public DepartmentSuggestion Best => Ranked[0];
}

/// <summary>No router: every opinion is routed by a moderator.</summary>
public sealed class ManualRouter : IDepartmentRouter
{
    public ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RoutingSuggestion?>(null);
}
