namespace Portal.Web.Security;

/// <summary>
/// The response headers every page and download carries (OWASP ASVS 3.4): a Content-Security-Policy that
/// Blazor Server and MudBlazor work under, nosniff, no framing, a strict referrer policy, and
/// <c>Cache-Control: no-store</c> on the staff workspace and its downloads. HSTS (one year, sub-domains)
/// comes from the built-in middleware outside Development.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from this origin (no inline script, no eval: the circuit needs neither); inline styles are
    /// allowed because MudBlazor positions popovers and sizes components with style attributes. The circuit's
    /// WebSocket is same-origin, which 'self' covers in CSP level 3.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
        "form-action 'self'";

    public const string ReferrerPolicy = "same-origin";

    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>HSTS for a year with sub-domains; sent by <c>UseHsts()</c> on HTTPS requests outside Development.</summary>
    public static IServiceCollection AddPortalSecurityHeaders(this IServiceCollection services) =>
        services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true;
        });

    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (IsStaffArea(context.Request.Path))
            {
                // Case files, contact details and ledgers must not stay in a shared computer's cache or a proxy.
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            await next(context).ConfigureAwait(false);
        });

    /// <summary>The staff workspace, its downloads and the account pages.</summary>
    public static bool IsStaffArea(PathString path) =>
        path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase);
}
