using Microsoft.Extensions.Options;

namespace Portal.Web.Security;

/// <summary>
/// Cross-site WebSocket hijacking guard (OWASP ASVS 3.5.x, 4.4.2): a page on another origin must not open a staff
/// circuit with the staff member's cookie. Every request to the Blazor hub (<c>/_blazor</c>: negotiate, WebSocket,
/// long polling, disconnect) that carries an <c>Origin</c> header is answered 403 unless the origin is the
/// request's own scheme and host or one of <see cref="PortalOptions.AllowedOrigins"/>. Requests without the header
/// are not from a browser's cross-site context (browsers always send it there) and pass.
/// </summary>
public static class BlazorHubOriginCheck
{
    public const string HubPath = "/_blazor";

    public static IApplicationBuilder UseBlazorHubOriginCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HubPath) && !IsAllowed(context))
            {
                var services = context.RequestServices;
                services.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityAudit.Category).RequestRefused(
                    services.GetRequiredService<TimeProvider>().GetUtcNow(), SecurityAudit.Actor(context), SecurityAudit.ClientIp(context),
                    context.Request.Path, "cross-origin Blazor hub connection");
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("不接受来自其他网站的连接。").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

    /// <summary>No Origin header, the request's own origin, or a configured one.</summary>
    internal static bool IsAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
            return false; // "null" (sandboxed frames, file: pages) and garbage
        if (SameOrigin(uri, context.Request.Scheme, context.Request.Host))
            return true;
        var allowed = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.AllowedOrigins;
        return allowed.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var other) && Uri.Compare(uri, other, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
    }

    private static bool SameOrigin(Uri origin, string scheme, HostString host) =>
        string.Equals(origin.Scheme, scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(origin.Host, host.Host, StringComparison.OrdinalIgnoreCase)
        && origin.Port == (host.Port ?? (string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80));
}
