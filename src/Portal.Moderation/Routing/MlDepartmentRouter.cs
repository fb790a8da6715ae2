using Portal.Data.Opinions;
using Portal.Data.Routing;

namespace Portal.Moderation.Routing;

/// <summary>
/// Asks the active model and maps its labels to active departments. Labels whose department is inactive
/// or missing are skipped, so a deactivated department is never suggested; the remaining confidences are
/// the model's own (not re-normalised), so such opinions rarely clear the auto-assignment threshold.
/// </summary>
public sealed class MlDepartmentRouter(RouterHost host, RoutingCatalog catalog) : IDepartmentRouter
{
    public async ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken)
    {
        if (host.Active is not { } active)
            return null;
        var settings = await catalog.GetSettingsAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Mode == RoutingMode.Off)
            return null;
        var departments = await catalog.GetDepartmentsByLabelAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var prediction = active.Model.Predict(title, body);
        var ranked = prediction.Ranked
            .Where(r => departments.ContainsKey(r.Label))
            .Take(Opinion.MaxSuggestions)
            .Select(r => new DepartmentSuggestion(departments[r.Label], r.Confidence))
            .ToList();
        return ranked.Count == 0 ? null : new RoutingSuggestion(ranked, active.Version);
    }
}
