using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed class ContentPageTests(PortalAppFactory app)
{
    [Fact]
    public async Task RulesPage_RendersItsTitle_AndTheFooterListsThePages()
    {
        var html = await app.CreateClient().GetStringOkAsync("/page/rules");

        Assert.Contains("<title>办理规则与时限</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>办理规则与时限</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("order:", html, StringComparison.Ordinal);
        foreach (var slug in new[] { "guide", "rules", "publication", "reception", "about" })
            Assert.Contains($"href=\"/page/{slug}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/page/..%2Fappsettings")]
    [InlineData("/page/..%2F..%2Fappsettings.json")]
    [InlineData("/page/%2E%2E%2Fappsettings")]
    [InlineData("/page/Rules")]
    [InlineData("/page/history")]
    public async Task SlugsThatAreNotPages_AreNotFound(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OldPrivacyPage_RedirectsToPublication()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/page/privacy");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/page/publication", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPagesEditor_IsForAdminsOnly()
    {
        var admin = await app.SignedInClientAsync("admin");
        var moderator = await app.SignedInClientAsync("moderator");

        var page = await admin.GetStringOkAsync("/staff/admin/pages");
        var denied = await moderator.GetAsync("/staff/admin/pages");

        Assert.Contains("内容页面", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
