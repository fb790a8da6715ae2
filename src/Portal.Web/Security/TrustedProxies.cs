using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace Portal.Web.Security;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies configured in <see cref="TrustedProxyOptions"/>
/// (none by default, not even loopback): behind a known reverse proxy the client IP is the resident's, so rate limits
/// and the audit log see real addresses; from anyone else the headers are ignored, so they cannot dodge a limit.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Proxies.All(p => IPAddress.TryParse(p, out _)), "TrustedProxies:Proxies holds an entry that is not an IP address.")
            .Validate(o => o.Networks.All(n => IPNetwork.TryParse(n, out _)), "TrustedProxies:Networks holds an entry that is not a CIDR network (e.g. 10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = trusted.Value.ForwardLimit;
            // The defaults trust loopback; a portal behind nothing must trust nobody.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.Proxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in trusted.Value.Networks)
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it (HSTS, rate limits, audit) sees the resolved client.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
