using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Briefings;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Analysis.Briefings;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed class StatisticsPageTests(PortalAppFactory app)
{
    [Fact]
    public async Task PublicStatistics_ShowsMonthsAndDepartments_WithoutScriptsOrPersonalData()
    {
        var html = await app.CreateClient().GetStringOkAsync("/statistics");

        Assert.Contains("你说我办", html, StringComparison.Ordinal);
        Assert.Contains("按期办结率", html, StringComparison.Ordinal);
        Assert.Contains("县住房和城乡建设局", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web", html, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var personal = await db.Opinions
            .Select(o => new { o.ResidentName, o.ResidentContact, o.TrackingCode })
            .ToListAsync();
        Assert.Contains(personal, p => p.ResidentName is not null);
        foreach (var p in personal)
        {
            if (p.ResidentName is { Length: > 1 } name)
                Assert.DoesNotContain(name, html, StringComparison.Ordinal);
            if (p.ResidentContact is { Length: > 4 } contact)
                Assert.DoesNotContain(contact, html, StringComparison.Ordinal);
            Assert.DoesNotContain(p.TrackingCode, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PublicNavigation_LinksTheStatisticsPage()
    {
        var html = await app.CreateClient().GetStringOkAsync("/");

        Assert.Contains("href=\"/statistics\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ForALeader_ShowsFiguresAndRanking()
    {
        var client = await app.SignedInClientAsync("leader");

        var html = await client.GetStringOkAsync("/staff/dashboard");

        Assert.Contains("领导驾驶舱", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"ontime\"", html, StringComparison.Ordinal);
        Assert.Contains("承办部门排名", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ForAHandler_IsRefused()
    {
        var client = await app.SignedInClientAsync("handler-transport");

        var response = await client.GetAsync("/staff/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Briefing_ScheduledAtStartUp_IsPrintableAndExportable_ForLeadersOnly()
    {
        var id = await app.WithAsync<BriefingService, int>(async s =>
        {
            await s.GenerateDueAsync();
            return (await s.ListAsync()).First(b => b.Kind == BriefingKind.Weekly).Id;
        });
        var stored = await app.WithAsync<BriefingService, BriefingDocument?>(s => s.GetAsync(id));
        var leader = await app.SignedInClientAsync("leader");

        var html = await leader.GetStringOkAsync($"/staff/briefings/{id}");
        Assert.Contains("群众意见分析研判周报", html, StringComparison.Ordinal);
        // The hot-issue section prints what the hot-issue analysis found for the week, or says there was nothing.
        if (stored!.Content.HotIssues.Count == 0)
            Assert.Contains("本期无数据", html, StringComparison.Ordinal);
        else
            Assert.Contains(WebUtility.HtmlEncode(stored.Content.HotIssues[0].Title), html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web", html, StringComparison.Ordinal);

        var xlsx = await leader.GetAsync($"/staff/briefings/{id}.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(BriefingWorkbook.ContentType, xlsx.Content.Headers.ContentType?.MediaType);

        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/staff/briefings/{id}.xlsx")).StatusCode);
        var handler = await app.SignedInClientAsync("handler-transport");
        Assert.NotEqual(HttpStatusCode.OK, (await handler.GetAsync($"/staff/briefings/{id}.xlsx")).StatusCode);
    }
}
