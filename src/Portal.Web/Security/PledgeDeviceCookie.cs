using Portal.Moderation.Pledges;

namespace Portal.Web.Security;

/// <summary>
/// The anonymous device token behind "one pledge rating per device": a long random value in the HttpOnly
/// cookie <c>pledge-device</c> (SameSite=Lax, one year), set on the pledge pages when absent. A middleware
/// rather than the page sets it, so the header always goes out before a static page starts streaming.
/// Only the token's SHA-256 hash is ever stored (see <see cref="DeviceTokens"/>).
/// </summary>
public static class PledgeDeviceCookie
{
    public const string Name = "pledge-device";

    private static readonly object ItemKey = new();

    /// <summary>The device token of this request (set by the middleware on the pledge pages), or null.</summary>
    public static string? TokenOf(HttpContext? context) =>
        context?.Items.TryGetValue(ItemKey, out var token) == true ? token as string : null;

    public static IApplicationBuilder UsePledgeDeviceCookie(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/pledges"))
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
                        Path = "/pledges",
                    });
                }

                context.Items[ItemKey] = token;
            }

            await next(context).ConfigureAwait(false);
        });
}
