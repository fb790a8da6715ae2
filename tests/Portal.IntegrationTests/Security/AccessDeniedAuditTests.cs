using System.Net;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Security;

namespace Portal.IntegrationTests.Security;

/// <summary>A signed-in staff member refused a page or a download leaves an audit line (ASVS 16.3.2).</summary>
[Collection(PortalCollection.Name)]
public sealed class AccessDeniedAuditTests(PortalAppFactory app)
{
    [Theory]
    [InlineData("/staff/admin/users")]
    [InlineData("/staff/ledger/export?format=csv")]
    [InlineData("/staff/pledges/ledger.csv")]
    public async Task AHandlerRefused_IsLoggedAsAccessDenied_WithTheAccountAndPath(string url)
    {
        var client = await app.ClientAsync(Role.HandlerA);
        var path = url.Split('?')[0];

        using var response = await client.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
        Assert.Contains(app.Logs.Entries, e => e.Category == SecurityAudit.Category && e.EventId.Id == 9004
            && e.Message.Contains("actor=handler-transport", StringComparison.Ordinal) && e.Message.Contains($"path={path}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnonymousVisitorSentToSignIn_IsNotAnAccessDenial()
    {
        var client = await app.ClientAsync(Role.Anonymous);
        var before = app.Logs.Entries.Count(e => e.EventId.Id == 9004 && e.Message.Contains("path=/staff/admin/departments", StringComparison.Ordinal));

        using var response = await client.GetAsync("/staff/admin/departments");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, app.Logs.Entries.Count(e => e.EventId.Id == 9004 && e.Message.Contains("path=/staff/admin/departments", StringComparison.Ordinal)));
    }
}
