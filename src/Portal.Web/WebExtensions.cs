using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Portal.Data;
using Portal.Data.Staff;
using Portal.Web.Analysis;
using Portal.Web.Content;
using Portal.Web.Exports;
using Portal.Web.Pledges;
using Portal.Web.Receptions;
using Portal.Web.Security;

namespace Portal.Web;

public static class WebExtensions
{
    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Build output outside Development still serves _framework and _content files (see STACK-NOTES).
        builder.WebHost.UseStaticWebAssets();
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo("zh-CN");

        var services = builder.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Readable UTF-8 Chinese in server-rendered HTML instead of &#x...; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");

        services.AddStaffIdentity();
        services.AddAntiforgery(o => o.Cookie.Name = "portal.af");
        // Keys survive restarts, so sign-ins and forms in flight stay valid.
        services.AddDataProtection()
            .SetApplicationName("portal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys")));

        services.AddRateLimiter(options => ConfigureRateLimits(options));
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton(sp => new ContentPageStore(
            ContentRoot(sp.GetRequiredService<IOptions<PortalOptions>>().Value, sp.GetRequiredService<IWebHostEnvironment>()),
            sp.GetRequiredService<MarkdownRenderer>(),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>The content folder: the configured path (relative to the content root), else the copy next to the binaries.</summary>
    private static string ContentRoot(PortalOptions options, IWebHostEnvironment environment)
    {
        var configured = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.ContentPath));
        return Directory.Exists(configured) ? configured : Path.Combine(AppContext.BaseDirectory, "wwwroot-content");
    }

    /// <summary>Per client IP: resident form posts, supports (附议) and logins are limited; reads are not.</summary>
    private static void ConfigureRateLimits(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, ct) =>
        {
            var isSupport = IsSupportPost(context.HttpContext.Request);
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            var message = isSupport
                ? $"附议过于频繁：同一网络每小时最多附议 {context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.SupportPostsPerHour} 次，请约 {minutes} 分钟后再试。"
                : $"提交过于频繁，请稍后（约 {minutes} 分钟后）再试。";
            await context.HttpContext.Response.WriteAsync(message, ct).ConfigureAwait(false);
        };
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path.StartsWithSegments("/_blazor"))
                return RateLimitPartition.GetNoLimiter("reads");
            var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (IsSupportPost(context.Request))
            {
                return RateLimitPartition.GetFixedWindowLimiter("support:" + ip, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.SupportPostsPerHour,
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                });
            }

            var isLogin = context.Request.Path.StartsWithSegments("/account/login");
            var permits = isLogin ? limits.LoginPostsPerMinute : limits.ResidentPostsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter((isLogin ? "login:" : "post:") + ip, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
    }

    /// <summary>A support is the only form posted on a published opinion's page.</summary>
    private static bool IsSupportPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(DeviceCookie.Supports.Path);

    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next(context).ConfigureAwait(false);
        });

    /// <summary>Pages answer HEAD as well as GET (uptime monitors, link checkers); Kestrel sends no body for HEAD.</summary>
    public static RazorComponentsEndpointConventionBuilder AllowHead(this RazorComponentsEndpointConventionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Remove(methods);
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz");
        endpoints.MapReceptionCalendars();
        endpoints.MapLedgerExport();
        endpoints.MapPledgeLedger();
        endpoints.MapBriefingExports();
        endpoints.MapStaffSignOut();
        return endpoints;
    }
}
