using System.Net;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Accessibility;

namespace Portal.IntegrationTests.Http;

/// <summary>
/// The large-text option (大字版): a link sets a preference cookie and comes back to the page; the page itself is
/// the same for every visitor, and the visitor's text-size stylesheet carries the difference.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TextSizePreferenceTests(PortalAppFactory app)
{
    [Fact]
    public async Task LargeTextLink_SetsTheCookie_AndReturnsToThePage()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(TextSizeEndpoints.ToggleUrl("large", "/published?q=路灯"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/published?q=路灯", Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("textsize=large;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StandardTextLink_ClearsTheCookie()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(TextSizeEndpoints.ToggleUrl("normal", "/"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("textsize=;", cookie, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task ReturnUrlOutsideThePortal_GoesHomeInstead(string returnUrl)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(TextSizeEndpoints.ToggleUrl("large", returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Stylesheet_IsLargeOnlyForVisitorsWhoChoseIt_AndPrivateToEach()
    {
        var standard = await GetStylesheetAsync(cookie: null);
        var large = await GetStylesheetAsync(cookie: "textsize=large");

        Assert.DoesNotContain("font-size", standard.Css, StringComparison.Ordinal);
        Assert.Contains(":root { font-size:", large.Css, StringComparison.Ordinal);
        foreach (var response in new[] { standard.Response, large.Response })
        {
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true }, $"Cache-Control: {response.Headers.CacheControl}");
            Assert.Contains("Cookie", response.Headers.Vary);
        }

        Assert.NotEqual(standard.Response.Headers.ETag, large.Response.Headers.ETag);
    }

    [Fact]
    public async Task Stylesheet_Revalidated_WithItsETag_IsNotModified()
    {
        var first = await GetStylesheetAsync(cookie: "textsize=large");
        using var request = new HttpRequestMessage(HttpMethod.Get, TextSizeEndpoints.StylesheetPath);
        request.Headers.Add("Cookie", "textsize=large");
        request.Headers.IfNoneMatch.Add(first.Response.Headers.ETag!);

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task PublicPage_IsTheSameWithOrWithoutTheCookie_AndLinksBothSizesAndTheStylesheet()
    {
        var plain = await GetPageAsync(cookie: null);
        var large = await GetPageAsync(cookie: "textsize=large");

        Assert.Equal(WithoutAntiforgery(plain), WithoutAntiforgery(large));
        Assert.Contains($"href=\"{TextSizeEndpoints.StylesheetPath}\"", plain, StringComparison.Ordinal);
        Assert.Contains(">大字版</a>", plain, StringComparison.Ordinal);
        Assert.Contains(">标准字号</a>", plain, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(TextSizeEndpoints.ToggleUrl("large", "/page/guide")), plain, StringComparison.Ordinal);
    }

    private async Task<(HttpResponseMessage Response, string Css)> GetStylesheetAsync(string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TextSizeEndpoints.StylesheetPath);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> GetPageAsync(string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page/guide");
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        using var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Forms carry fresh tokens (antiforgery, bot-trap stamp) on every render; everything else must be equal.</summary>
    private static string WithoutAntiforgery(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "[A-Za-z0-9+/_=-]{30,}", "");
}
