using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Production;

/// <summary>An unexpected error in Production: a friendly Chinese page with a request id, the detail only in the log (ASVS 16.5.1).</summary>
[Collection(ProductionCollection.Name)]
public sealed partial class ErrorPageTests(ProductionPortalAppFactory app)
{
    [Fact]
    public async Task UnhandledExceptionOnAGet_ShowsAFriendlyPageWithARequestId_AndNoDetail()
    {
        using var response = await app.CreateClient().GetAsync(ProductionPortalAppFactory.FailingPath);

        await AssertFriendlyErrorPageAsync(response);
    }

    [Fact]
    public async Task UnhandledExceptionInAFormPost_ShowsTheSameFriendlyPage()
    {
        using var response = await app.CreateClient().PostFormAsync("/track", "track", [new("Code", ProductionPortalAppFactory.FailingTrackingCode)]);

        await AssertFriendlyErrorPageAsync(response);
    }

    [Fact]
    public async Task PostToAnUnknownAddress_ShowsTheFriendlyNotFoundPage_NotABare400()
    {
        using var response = await app.CreateClient().PostAsync("/no-such-form", new FormUrlEncodedContent([new("_handler", "x")]));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnhandledException_IsLoggedWithTheRequestIdThePageShows()
    {
        using var response = await app.CreateClient().GetAsync(ProductionPortalAppFactory.FailingPath);
        var requestId = RequestIdPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;

        var logged = Assert.Single(app.Logs.Entries, e => e.Message.Contains(requestId, StringComparison.Ordinal) && e.Exception is not null);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains(ProductionPortalAppFactory.SecretDetail, logged.Exception, StringComparison.Ordinal);
        Assert.Contains(ProductionPortalAppFactory.FailingPath, logged.Message, StringComparison.Ordinal);
    }

    private static async Task AssertFriendlyErrorPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("抱歉，系统出了点问题", html, StringComparison.Ordinal);
        Assert.Matches(RequestIdPattern(), html);
        foreach (var leak in new[] { ProductionPortalAppFactory.SecretDetail, "hunter2", "InvalidOperationException", "Exception", "   at ", ".cs:line" })
            Assert.DoesNotContain(leak, html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"request-id\">([0-9a-zA-Z:]{8,})</code>")]
    private static partial Regex RequestIdPattern();
}
