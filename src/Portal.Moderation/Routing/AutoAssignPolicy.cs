using Portal.Data.Routing;

namespace Portal.Moderation.Routing;

/// <summary>Decides whether the router may assign an opinion by itself when a moderator registers it.</summary>
public sealed class AutoAssignPolicy(RouterHost host, RoutingCatalog catalog)
{
    /// <summary>
    /// The confidence a suggestion needs now: the administrator's override, else the active model's
    /// evaluated threshold. Null when auto-assignment is off or no model is active.
    /// </summary>
    public async Task<float?> ThresholdAsync(CancellationToken ct)
    {
        if (host.Active is not { } active)
            return null;
        var settings = await catalog.GetSettingsAsync(ct).ConfigureAwait(false);
        return settings.Mode == RoutingMode.AutoAssign ? settings.ThresholdOverride ?? active.Model.Metadata.Threshold : null;
    }
}
