using Portal.Moderation.Pledges;

namespace Portal.Web.Security;

/// <summary>
/// An anonymous device token behind "one per device" (a pledge rating, a support): a long random value in
/// an HttpOnly cookie (SameSite=Lax, one year) scoped to the pages that use it, set by a middleware when
/// absent, so the header always goes out before a static page starts streaming. Only the token's SHA-256
/// hash is ever stored (see <see cref="DeviceTokens"/>).
/// </summary>
public sealed class DeviceCookie(string name, string path)
{
    /// <summary>Pledge ratings (承诺测评) on <c>/pledges</c>.</summary>
    public static DeviceCookie Pledges { get; } = new("pledge-device", "/pledges");

    /// <summary>Supports (附议) of published opinions on <c>/published</c>.</summary>
    public static DeviceCookie Supports { get; } = new("support-device", "/published");

    private readonly object _itemKey = new();

    public string Name { get; } = name;

    public string Path { get; } = path;

    /// <summary>The device token of this request (set by the middleware on the cookie's pages), or null.</summary>
    public string? TokenOf(HttpContext? context) =>
        context?.Items.TryGetValue(_itemKey, out var token) == true ? token as string : null;

    public async Task ApplyAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Request.Path.StartsWithSegments(Path))
        {
            var token = context.Request.Cookies[Name];
            if (!DeviceTokens.IsValid(token))
            {
                token = DeviceTokens.New();
                context.Response.Cookies.Append(Name, token, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    IsEssential = true,
                    MaxAge = TimeSpan.FromDays(365),
                    Path = Path,
                });
            }

            context.Items[_itemKey] = token;
        }

        await next().ConfigureAwait(false);
    }
}

public static class DeviceCookieExtensions
{
    /// <summary>Sets the device cookies of the pledge and the published-opinion pages.</summary>
    public static IApplicationBuilder UseDeviceCookies(this IApplicationBuilder app) =>
        app.Use((context, next) => DeviceCookie.Pledges.ApplyAsync(context, () => DeviceCookie.Supports.ApplyAsync(context, () => next(context))));
}
