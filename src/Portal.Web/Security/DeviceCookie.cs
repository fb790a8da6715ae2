using Portal.Moderation.Pledges;

namespace Portal.Web.Security;

/// <summary>
/// An anonymous device token behind "one per device" (a pledge rating, a support): a long random value in
/// an HttpOnly cookie (SameSite=Lax, one year) scoped to the pages that use it, set by a middleware when
/// absent, so the header always goes out before a static page starts streaming. Only the token's SHA-256
/// hash is ever stored (see <see cref="DeviceTokens"/>). It is set only on the pages that hold the form
/// (<paramref name="isFormPage"/>): the other pages under its path set no cookie and can be output-cached (ADR-018).
/// </summary>
public sealed class DeviceCookie(string name, string path, Func<HttpRequest, bool> isFormPage)
{
    /// <summary>Pledge ratings (承诺测评) on <c>/pledges/{id}</c>.</summary>
    public static DeviceCookie Pledges { get; } = new("pledge-device", "/pledges", r => IsDetailPage(r.Path, "/pledges"));

    /// <summary>
    /// Supports (附议) of published opinions: the form is on <c>/published/{id}?support=1</c> (and is posted there);
    /// the opinion's page itself is the same for everyone and cached.
    /// </summary>
    public static DeviceCookie Supports { get; } = new("support-device", "/published",
        r => IsDetailPage(r.Path, "/published") && (HttpMethods.IsPost(r.Method) || r.Query.ContainsKey(SupportQuery)));

    /// <summary>The query parameter that asks the published opinion's page for its support form.</summary>
    public const string SupportQuery = "support";

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
        if (isFormPage(context.Request))
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

    /// <summary><c>{prefix}/{id}</c> exactly.</summary>
    private static bool IsDetailPage(PathString path, string prefix) =>
        path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase, out var rest)
        && rest.Value is { Length: > 1 } id && id.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}

public static class DeviceCookieExtensions
{
    /// <summary>Sets the device cookies of the pledge and the published-opinion pages.</summary>
    public static IApplicationBuilder UseDeviceCookies(this IApplicationBuilder app) =>
        app.Use((context, next) => DeviceCookie.Pledges.ApplyAsync(context, () => DeviceCookie.Supports.ApplyAsync(context, () => next(context))));
}
