using System.Net;
using Portal.Data.Opinions;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.HotIssues;
using Portal.Moderation.Opinions;

namespace Portal.IntegrationTests.Http;

/// <summary>The output cache of the residents' read pages (ADR-018).</summary>
[Collection(PortalCollection.Name)]
public sealed class PublicPageCacheTests(PortalAppFactory app)
{
    [Fact]
    public async Task EveryCachedPublicPage_TwiceAnonymously_IsServedFromTheCache_AndNeverSetsACookie()
    {
        foreach (var url in await PublicPageUrls.CachedAsync(app))
        {
            // A first-time visitor (no cookie at all), then one who already holds cookies of the portal's form pages.
            var newcomer = app.CreateClient(new() { HandleCookies = false });
            var returning = app.CreateClient();
            await returning.GetAsync((await PublicPageUrls.WithFormsAsync(app))[0]);

            foreach (var client in new[] { newcomer, newcomer, returning, returning })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
                Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} sets a cookie: {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
                var html = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
                Assert.DoesNotContain("__FormStamp", html, StringComparison.Ordinal);
            }

            var again = await newcomer.GetAsync(url);
            Assert.True(again.Headers.Age is not null, $"{url} was not served from the cache");
        }
    }

    [Fact]
    public async Task PagesWithAVisitorsForm_AreNeverCached()
    {
        foreach (var url in await PublicPageUrls.WithFormsAsync(app))
        {
            var client = app.CreateClient();
            await client.GetAsync(url);
            var second = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Null(second.Headers.Age);
        }

        // The forms are there, each with this visitor's token (a pledge's or session's form may be closed in the demo data).
        foreach (var url in new[] { (await PublicPageUrls.WithFormsAsync(app))[0], "/track", "/opinions/new" })
        {
            var client = app.CreateClient();
            await client.GetAsync(url);
            Assert.Contains("__RequestVerificationToken", await client.GetStringOkAsync(url), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignedInVisitorsAndStaffPages_AreNeverServedFromTheCache()
    {
        var anonymous = app.CreateClient();
        await anonymous.GetAsync("/published");
        await anonymous.GetAsync("/published");
        var moderator = await app.SignedInClientAsync("moderator");

        var publicPage = await moderator.GetAsync("/published");
        var staffPage = await moderator.GetAsync("/staff/queue");
        var staffAgain = await moderator.GetAsync("/staff/queue");

        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Null(publicPage.Headers.Age);
        Assert.Null(staffAgain.Headers.Age);
        Assert.Contains("no-store", staffPage.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("no-store", staffAgain.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingAnAnswer_ShowsOnTheCachedListAndHomePageAtOnce()
    {
        var client = app.CreateClient();
        await client.GetStringOkAsync("/published");
        await client.GetStringOkAsync("/");
        var cached = await client.GetAsync("/published");
        Assert.NotNull(cached.Headers.Age);

        await PublishAsync("桥头路灯晚上不亮已经一个月");

        var list = await client.GetStringOkAsync("/published");
        var home = await client.GetStringOkAsync("/");
        Assert.Contains("桥头路灯晚上不亮已经一个月", list, StringComparison.Ordinal);
        Assert.Contains("桥头路灯晚上不亮已经一个月", home, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASupport_ShowsOnTheCachedOpinionPageAtOnce()
    {
        var id = await HotIssuePageTests.PublishedOpinionAsync(app);
        var client = app.CreateClient(new() { HandleCookies = false });
        await client.GetStringOkAsync($"/published/{id}");
        var before = await client.GetStringOkAsync($"/published/{id}");
        var count = await app.WithAsync<SupportService, int>(async s => (await s.CountsAsync([id])).GetValueOrDefault(id));
        Assert.Contains($"<strong data-testid=\"support-count\">{count}</strong>", before, StringComparison.Ordinal);

        await app.WithAsync<SupportService, SupportResult>(s => s.SupportAsync(id, Portal.Moderation.Pledges.DeviceTokens.New(), "198.51.100.77"));

        var after = await client.GetStringOkAsync($"/published/{id}");
        Assert.Contains($"<strong data-testid=\"support-count\">{count + 1}</strong>", after, StringComparison.Ordinal);
    }

    private async Task PublishAsync(string title)
    {
        var moderator = await app.ActorAsync("moderator");
        var handler = await app.ActorAsync("handler-transport");
        var receipt = await app.WithAsync<OpinionWorkflowService, SubmissionReceipt>(w => w.SubmitAsync(new SubmitOpinionInput
        {
            Kind = OpinionKind.Complaint, Title = title, Body = "桥头两盏路灯坏了，夜里看不清路。电话 13812345678。", Area = "石桥镇",
            ResidentName = "钱玉兰", ResidentContact = "13812345678", ConsentToPublish = true,
        }, OpinionChannel.OpinionBox, null));
        var transport = await app.WithAsync<Portal.Moderation.Departments.DepartmentService, int>(async d => (await d.ListAsync()).Single(x => x.Code == "transport").Id);
        await app.WithAsync<OpinionWorkflowService>(w => w.RegisterAsync(receipt.OpinionId, 0, moderator));
        await app.WithAsync<OpinionWorkflowService>(w => w.AssignAsync(receipt.OpinionId, 1, transport, null, moderator));
        await app.WithAsync<OpinionWorkflowService>(w => w.AcceptAsync(receipt.OpinionId, 2, handler));
        await app.WithAsync<OpinionWorkflowService>(w => w.CompleteAsync(receipt.OpinionId, 3,
            new HandlingResultDraft("已更换灯具", "两盏路灯已于当日更换。", Adoption.Adopted, null, "副局长 孙强"), handler));
        var draft = await app.WithAsync<OpinionWorkflowService, PublicationDraft>(w => w.GetPublicationDraftAsync(receipt.OpinionId, moderator));
        await app.WithAsync<OpinionWorkflowService>(w => w.PublishAsync(receipt.OpinionId, 4, draft, moderator));
    }
}
