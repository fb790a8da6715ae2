using System.Net;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Security;

namespace Portal.IntegrationTests.Production;

/// <summary>The headers of the portal as it runs in Production (OWASP ASVS 3.4).</summary>
[Collection(ProductionCollection.Name)]
public sealed class SecurityHeaderTests(ProductionPortalAppFactory app)
{
    public static TheoryData<string> AnyResponse() => new() { "/", "/published", "/account/login", "/css/portal.css", "/receptions/calendar.ics", "/no-such-page" };

    private HttpClient HttpsClient() => app.CreateClient(new() { BaseAddress = new Uri("https://portal.example/"), AllowAutoRedirect = false });

    [Theory]
    [MemberData(nameof(AnyResponse))]
    public async Task Response_OverHttps_RequiresHttpsForAYearIncludingSubdomains(string path)
    {
        using var response = await HttpsClient().GetAsync(path);

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        var directives = hsts.Split(';', StringSplitOptions.TrimEntries);
        var maxAge = long.Parse(Assert.Single(directives, d => d.StartsWith("max-age=", StringComparison.Ordinal))["max-age=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 31_536_000, $"HSTS max-age {maxAge} is under a year.");
        Assert.Contains("includeSubDomains", directives);
    }

    [Theory]
    [MemberData(nameof(AnyResponse))]
    public async Task Response_CarriesNosniffReferrerPolicyAndNoFraming(string path)
    {
        using var response = await HttpsClient().GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("default-src", "'self'")]
    [InlineData("script-src", "'self'")]
    [InlineData("object-src", "'none'")]
    [InlineData("base-uri", "'self'")]
    [InlineData("frame-ancestors", "'none'")]
    [InlineData("form-action", "'self'")]
    [InlineData("img-src", "'self' data:")]
    [InlineData("connect-src", "'self'")]
    [InlineData("style-src", "'self' 'unsafe-inline'")]
    public async Task Page_ContentSecurityPolicy_HasTheDirective(string directive, string sources)
    {
        using var response = await HttpsClient().GetAsync("/");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(sources, directives[directive]);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/denied")]
    [InlineData("/staff")]
    [InlineData("/staff/queue")]
    [InlineData("/staff/ledger/export?format=csv")]
    [InlineData("/staff/pledges/ledger.csv")]
    public async Task StaffAreaResponse_IsNeverStored(string path)
    {
        using var response = await HttpsClient().GetAsync(path);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} ({(int)response.StatusCode}) may be cached: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/receptions/calendar.ics")]
    [InlineData("/css/portal.css")]
    public async Task PublicFeedsAndAssets_AreNotMarkedNoStore(string path)
    {
        using var response = await HttpsClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}
