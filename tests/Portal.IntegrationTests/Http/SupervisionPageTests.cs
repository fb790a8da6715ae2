using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Supervision;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Opinions;
using Portal.Moderation.Supervision;

namespace Portal.IntegrationTests.Http;

/// <summary>Deadline supervision through the real pipeline, on the demo data of <c>SupervisionDemoSeeder</c>.</summary>
[Collection(PortalCollection.Name)]
public sealed class SupervisionPageTests(PortalAppFactory app)
{
    [Fact]
    public async Task Board_ForALeader_ShowsNoticesAtEveryLevelAndThePendingExtension()
    {
        var client = await app.SignedInClientAsync("leader");

        var html = await client.GetStringOkAsync("/staff/supervision");

        foreach (var level in new[] { "data-level=\"Reminder\"", "data-level=\"Normal\"", "data-level=\"Yellow\"", "data-level=\"Red\"" })
            Assert.Contains(level, html, StringComparison.Ordinal);
        Assert.Contains("工地拖欠农民工工资三个月", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"extension-request\"", html, StringComparison.Ordinal);
        Assert.Contains("需协调交警部门共同设置护学岗", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/supervision\"", await client.GetStringOkAsync("/staff/overview"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_ForAHandler_IsDenied()
    {
        var client = await app.SignedInClientAsync("handler-transport");

        var response = await client.GetAsync("/staff/supervision");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Inbox_ShowsTheHandlerTheRedCardOfTheirDepartmentOnly()
    {
        var labour = await (await app.SignedInClientAsync("handler-labour-social-security")).GetStringOkAsync("/staff/inbox");
        var health = await (await app.SignedInClientAsync("handler-health")).GetStringOkAsync("/staff/inbox");

        Assert.Contains("data-level=\"Red\"", labour, StringComparison.Ordinal);
        Assert.Contains("本部门的督办与催办", labour, StringComparison.Ordinal);
        Assert.DoesNotContain("data-level=\"Red\"", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupervisionPass_RunAgainAfterTheSeeder_AddsNoNotice()
    {
        var before = await CountAsync(db => db.SupervisionNotices.CountAsync());

        var result = await app.WithAsync<SupervisionService, SupervisionRunResult>(s => s.RunAsync());

        Assert.Equal(0, result.Issued);
        Assert.Equal(before, await CountAsync(db => db.SupervisionNotices.CountAsync()));
    }

    [Fact]
    public async Task Calendar_IsSeededFromTheOfficialNotice_AndShownToTheAdmin()
    {
        var year = await app.WithAsync<CalendarAdminService, CalendarYearView>(s => s.GetYearAsync(2026));
        var next = await app.WithAsync<CalendarAdminService, CalendarYearView>(s => s.GetYearAsync(2027));

        Assert.False(year.IsProvisional);
        Assert.Equal(248, year.WorkingDayCount);
        Assert.Contains(year.Days, d => d.Date == new DateOnly(2026, 2, 14) && d.IsWorkingDay);
        Assert.True(next.IsProvisional);
        var html = await (await app.SignedInClientAsync("admin")).GetStringOkAsync("/staff/admin/calendar");
        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知", html, StringComparison.Ordinal);
        Assert.Contains("春节", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovedExtension_ShowsOnTheResidentsTrackingPage()
    {
        var (opinionId, code) = await CountAsync(db => db.Opinions.Where(o => o.Title == "社区卫生服务站周末不开门")
            .Select(o => new ValueTuple<int, string>(o.Id, o.TrackingCode)).SingleAsync());
        var handler = await app.ActorAsync("handler-health");
        var leader = await app.ActorAsync("leader");
        var deadlines = app.Services.GetRequiredService<DeadlinePolicy>();
        var calendar = await deadlines.CalendarAsync();
        var current = await CountAsync(db => db.Opinions.Where(o => o.Id == opinionId).Select(o => o.Deadline!.Value).SingleAsync());
        var newLastDay = calendar.AddWorkingDays(deadlines.LastDayOf(current), 5);

        await app.WithAsync<ExtensionService>(s => s.RequestAsync(opinionId, newLastDay, "需会同镇卫生院调整排班", handler));
        var requestId = await CountAsync(db => db.DeadlineExtensions.Where(e => e.OpinionId == opinionId && e.Status == ExtensionStatus.Pending).Select(e => e.Id).SingleAsync());
        await app.WithAsync<ExtensionService>(s => s.ApproveAsync(requestId, "同意", leader));

        var client = app.CreateClient();
        var html = await (await client.PostFormAsync("/track", "track", [new("Code", code)])).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"extended\"", html, StringComparison.Ordinal);
        Assert.Contains("经批准，办理时限已延长", html, StringComparison.Ordinal);
        Assert.Contains(newLastDay.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    private async Task<T> CountAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
