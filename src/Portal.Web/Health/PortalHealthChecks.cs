using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;
using Portal.Moderation.Routing;

namespace Portal.Web.Health;

/// <summary>
/// Health endpoints for uptime monitors and load balancers. They answer only "Healthy", "Degraded" or
/// "Unhealthy" (no check names, no exception text), never cached, to anyone:
/// <list type="bullet">
/// <item><c>/health/live</c>: the process answers (no checks; a restart is the cure when it does not).</item>
/// <item><c>/health/ready</c> (and the older <c>/healthz</c>): the database answers (503 Unhealthy when not) and the
/// router has a model (Degraded, still 200, while opinions are routed by hand).</item>
/// </list>
/// </summary>
public static class PortalHealthChecks
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: [ReadyTag])
            .AddCheck<RouterHealthCheck>("router", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        endpoints.MapHealthChecks("/health/ready", ready);
        endpoints.MapHealthChecks("/healthz", ready);
        return endpoints;
    }
}

/// <summary>Degraded (not unhealthy) without a loaded model: submissions are still taken and routed by moderators.</summary>
internal sealed class RouterHealthCheck(RouterHost router) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(router.Status.State == RouterState.Ready
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"router {router.Status.State}"));
}
