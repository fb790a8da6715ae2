using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using EntityTagHeaderValue = Microsoft.Net.Http.Headers.EntityTagHeaderValue;
using HeaderNames = Microsoft.Net.Http.Headers.HeaderNames;

namespace Portal.Web.Accessibility;

/// <summary>
/// The large-text option for elderly readers (适老化), without JavaScript and without making the pages differ
/// per visitor (they are cached for everyone, see ADR-019): the "大字版" link sets a preference cookie and comes
/// back; every public page links <see cref="StylesheetPath"/>, which answers with the large-text rules when the
/// cookie asks for them and with nothing otherwise.
/// </summary>
public static class TextSizeEndpoints
{
    public const string CookieName = "textsize";
    public const string Large = "large";
    public const string TogglePath = "/preferences/text-size";
    public const string StylesheetPath = "/preferences/text-size.css";

    private const string LargeTextFile = "css/large-text.css";
    private const string StandardCss = "/* 标准字号 */\n";

    /// <summary>The link that switches to <paramref name="size"/> and comes back to <paramref name="returnUrl"/>.</summary>
    public static string ToggleUrl(string size, string returnUrl) =>
        $"{TogglePath}?size={Uri.EscapeDataString(size)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapTextSizePreference(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Both answers and their entity tags are computed once, not on every page view that revalidates them.
        var standard = new Stylesheet(StandardCss);
        var large = new Lazy<Stylesheet>(() => new Stylesheet(ReadLargeText(endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>())));

        // A GET that changes only how this browser shows text: nothing to forge (antiforgery guards state that
        // matters), and a link works everywhere, with or without JavaScript.
        endpoints.MapGet(TogglePath, (string? size, string? returnUrl, HttpContext http) =>
        {
            if (size == Large)
            {
                http.Response.Cookies.Append(CookieName, Large, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                    IsEssential = true,
                    MaxAge = TimeSpan.FromDays(365),
                    Path = "/",
                });
            }
            else
            {
                http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).DisableOutputCaching();

        endpoints.MapGet(StylesheetPath, (HttpContext http) =>
        {
            var sheet = http.Request.Cookies[CookieName] == Large ? large.Value : standard;
            // Per visitor (the cookie): never stored by a shared cache, revalidated on each page (a 304 when unchanged).
            http.Response.Headers.CacheControl = "private, no-cache";
            http.Response.Headers.Vary = HeaderNames.Cookie;
            http.Response.GetTypedHeaders().ETag = sheet.ETag;
            if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(sheet.ETag, useStrongComparison: false)))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Text(sheet.Css, "text/css", Encoding.UTF8);
        }).DisableOutputCaching();

        return endpoints;
    }

    /// <summary>Only a path of this site: "/x" but not "//host" or "/\host" (an open redirect otherwise).</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static string ReadLargeText(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(LargeTextFile);
        if (!file.Exists)
            throw new InvalidOperationException($"The large-text stylesheet wwwroot/{LargeTextFile} is missing.");
        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>One answer of the stylesheet endpoint with its entity tag (a prefix of the text's SHA-256).</summary>
    private sealed class Stylesheet(string css)
    {
        public string Css { get; } = css;

        public EntityTagHeaderValue ETag { get; } =
            new($"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..16]}\"");
    }

    /// <summary>
    /// Marks the endpoint as never output-cached (its answer depends on the visitor's cookie), whatever base
    /// policy the output cache has; a no-op while the output cache is not in use.
    /// </summary>
    private static RouteHandlerBuilder DisableOutputCaching(this RouteHandlerBuilder builder) =>
        builder.CacheOutput(policy => policy.NoCache());
}
