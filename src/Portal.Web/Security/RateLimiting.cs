using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Web.Security;

/// <summary>
/// Rate limits per client IP on every form post (OWASP ASVS 2.4.1): one fixed window per policy and address,
/// configured in <see cref="RateLimitOptions"/>. Reads and the Blazor circuit are never limited. A rejected post
/// gets 429 with Retry-After and a short page in Chinese, and is written to the security audit log.
/// The client IP is the one the trusted-proxy step resolved (see <see cref="TrustedProxies"/>), which runs first.
/// </summary>
public static class RateLimiting
{
    /// <summary>Which posts share a limit, by path: the first rule whose path prefixes the request's wins.</summary>
    private static readonly RateLimitRule[] Rules =
    [
        new("submission", "/opinions/new", o => o.SubmissionsPerHour, TimeSpan.FromHours(1), "提交意见"),
        new("tracking", "/track", o => o.TrackingPostsPerMinute, TimeSpan.FromMinutes(1), "查询或评价"),
        new("support", DeviceCookie.Supports.Path, o => o.SupportsPerHour, TimeSpan.FromHours(1), "附议"),
        new("pledge-rating", DeviceCookie.Pledges.Path, o => o.PledgeRatingsPerHour, TimeSpan.FromHours(1), "承诺测评"),
        new("booking-cancel", "/receptions/cancel", o => o.BookingCancellationsPerHour, TimeSpan.FromHours(1), "取消预约"),
        new("booking", "/receptions", o => o.BookingsPerHour, TimeSpan.FromHours(1), "预约接访"),
        new("login", "/account/login", o => o.LoginsPerMinute, TimeSpan.FromMinutes(1), "登录"),
    ];

    private static readonly RateLimitRule OtherPosts = new("post", "/", o => o.OtherPostsPerMinute, TimeSpan.FromMinutes(1), "提交");

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        });
    }

    /// <summary>The rule a request counts against, or null for requests that are not limited (reads, the circuit).</summary>
    internal static RateLimitRule? RuleFor(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || request.Path.StartsWithSegments("/_blazor"))
            return null;
        return Array.Find(Rules, r => request.Path.StartsWithSegments(r.Path)) ?? OtherPosts;
    }

    /// <summary>
    /// The address a limit is kept for: an IPv4 address, or the /64 network of an IPv6 address (one household
    /// or device gets a whole /64, so counting single IPv6 addresses would let it rotate past the limit).
    /// </summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (RuleFor(context.Request) is not { } rule)
            return RateLimitPartition.GetNoLimiter("");
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(rule.Policy + ":" + ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.Permits(limits),
            Window = rule.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var rule = RuleFor(context.Request) ?? OtherPosts;
        var services = context.RequestServices;
        var limits = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : rule.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

        services.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityAudit.Category).RateLimited(
            services.GetRequiredService<TimeProvider>().GetUtcNow(), SecurityAudit.Actor(context), SecurityAudit.ClientIp(context),
            context.Request.Path.Value ?? "/", rule.Policy);

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page(rule, limits, seconds, context), ct).ConfigureAwait(false);
    }

    /// <summary>A plain page a resident understands: what happened, how long to wait, the way back.</summary>
    private static string Page(RateLimitRule rule, RateLimitOptions limits, int seconds, HttpContext context)
    {
        var html = context.RequestServices.GetRequiredService<HtmlEncoder>();
        var wait = seconds < 60 ? $"{seconds} 秒" : $"{(int)Math.Ceiling(seconds / 60.0)} 分钟";
        var window = rule.Window >= TimeSpan.FromHours(1) ? "每小时" : "每分钟";
        var message = $"{rule.Action}过于频繁：同一网络{window}最多{rule.Action} {rule.Permits(limits)} 次。请约 {wait}后再试。";
        var back = context.Request.Path.Value ?? "/";
        return $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>操作过于频繁</title><link rel="stylesheet" href="/css/portal.css" /></head>
            <body><main id="main" class="wrap"><h1>操作过于频繁，请稍后再试</h1><p class="notice" role="alert">{html.Encode(message)}</p>
            <p><a href="{html.Encode(back)}">返回</a> · <a href="/">返回首页</a></p></main></body>
            </html>
            """;
    }

    /// <summary>One limit: its name in the audit log, the path it covers, its permits per window, the action in Chinese.</summary>
    internal sealed record RateLimitRule(string Policy, PathString Path, Func<RateLimitOptions, int> Permits, TimeSpan Window, string Action);
}
