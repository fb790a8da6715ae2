using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed class HotIssuePageTests(PortalAppFactory app)
{
    [Fact]
    public async Task SupportingTwiceFromTheSameClient_StoresOneSupport_AndShowsTheCount()
    {
        var id = await PublishedOpinionAsync(app);
        var before = await SupportCountAsync(app, id);
        var client = app.CreateClient();
        var url = $"/published/{id}?support=1";

        var page = await client.GetAsync(url);
        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("support-device=", StringComparison.Ordinal));
        var form = await page.Content.ReadAsStringAsync();
        var first = await client.PostAsync(url, SupportForm(form));
        var second = await client.PostAsync(url, SupportForm(form));
        var again = await client.GetStringOkAsync($"/published/{id}");
        var list = await client.GetStringOkAsync("/published");

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/published", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("附议成功", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("您已附议过该意见", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"<strong data-testid=\"support-count\">{before + 1}</strong>", again, StringComparison.Ordinal);
        Assert.Contains("人附议", list, StringComparison.Ordinal);
        Assert.Equal(before + 1, await SupportCountAsync(app, id));
    }

    [Fact]
    public async Task HotIssuesPage_ForALeader_RanksTheDemoGroups_AndFlagsTheSpike()
    {
        var client = await app.SignedInClientAsync("leader");

        var html = await client.GetStringOkAsync("/staff/hot-issues");

        Assert.Contains("data-testid=\"hot-issues\"", html, StringComparison.Ordinal);
        Assert.Contains("化工厂", html, StringComparison.Ordinal);
        Assert.Contains("加装电梯", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"spikes\"", html, StringComparison.Ordinal);
        Assert.Contains("工业园区", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HotIssuesPage_ForAHandler_IsDenied()
    {
        var client = await app.SignedInClientAsync("handler-health");

        var response = await client.GetAsync("/staff/hot-issues");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The support form of the page <paramref name="html"/>, as a browser posts it.</summary>
    internal static FormUrlEncodedContent SupportForm(string html) => new(
    [
        new("_handler", "support-opinion"),
        .. FormClient.HiddenFields(html),
        new("Support.Confirm", "true"),
    ]);

    internal static Task<int> PublishedOpinionAsync(PortalAppFactory factory) =>
        factory.WithAsync<IDbContextFactory<PortalDbContext>, int>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Opinions.Where(o => o.Status == OpinionStatus.Published && o.ConsentToPublish).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        });

    private static Task<int> SupportCountAsync(PortalAppFactory factory, int id) =>
        factory.WithAsync<IDbContextFactory<PortalDbContext>, int>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.OpinionSupports.CountAsync(s => s.OpinionId == id);
        });
}
