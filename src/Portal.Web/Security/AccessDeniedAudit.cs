using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Portal.Web.Security;

/// <summary>Audit of requests refused to signed-in staff (OWASP ASVS 16.3.2).</summary>
public static class AccessDeniedAudit
{
    /// <summary>
    /// Logs <see cref="SecurityAudit.AccessDenied"/> whenever the staff cookie sends a signed-in user to the denied
    /// page (a page or endpoint whose roles they lack), then lets the cookie handler redirect as before. Registered as
    /// a post-configuration so that it wraps whatever the cookie's other events are.
    /// </summary>
    public static IServiceCollection AddAccessDeniedAudit(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var redirect = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                LogDenied(context.HttpContext);
                return redirect(context);
            };
        });

    /// <summary>Logs a refusal of the current request for the signed-in user.</summary>
    public static void LogDenied(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityAudit.Category).AccessDenied(
            services.GetRequiredService<TimeProvider>().GetUtcNow(), SecurityAudit.Actor(context), SecurityAudit.ClientIp(context), context.Request.Path);
    }
}
