using System.Net;
using System.Text.RegularExpressions;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Receptions;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed partial class ReceptionJourneyTests(PortalAppFactory app)
{
    [Fact]
    public async Task Resident_FindsASessionOnTheList_BooksIt_AndCancelsByCode()
    {
        var client = app.CreateClient();
        var upcoming = await app.WithAsync<ReceptionQueries, IReadOnlyList<SessionListItem>>(q => q.UpcomingAsync());
        var session = upcoming.First(s => s.BookingOpen);

        var list = await client.GetStringOkAsync("/receptions");
        Assert.Contains($"href=\"/receptions/sessions/{session.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/receptions\"", list, StringComparison.Ordinal); // public navigation
        Assert.Contains("href=\"/receptions/cancel\"", await client.GetStringOkAsync("/page/reception"), StringComparison.Ordinal);

        var url = $"/receptions/sessions/{session.Id}";
        var response = await client.PostFormAsync(url, "book",
            [new("Form.Name", "王建华"), new("Form.Phone", "13800009876"), new("Form.Topic", "幸福路路灯坏了一个多月")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("预约成功", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13800009876", html, StringComparison.Ordinal);
        var code = CodePattern().Match(html).Groups[1].Value;
        Assert.NotEmpty(code);
        var after = await app.WithAsync<ReceptionQueries, SessionListItem?>(q => q.GetSessionAsync(session.Id));
        Assert.Equal(session.Booked + 1, after!.Booked);

        var again = await (await client.PostFormAsync(url, "book",
            [new("Form.Name", "王建华"), new("Form.Phone", "138 0000 9876"), new("Form.Topic", "再约一次")])).Content.ReadAsStringAsync();
        Assert.Contains("该手机号已预约本场接访", again, StringComparison.Ordinal);

        var cancelled = await (await client.PostFormAsync("/receptions/cancel", "cancel-booking", [new("Code", code)])).Content.ReadAsStringAsync();
        Assert.Contains("预约已取消", cancelled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeeds_AreServedAsTextCalendar()
    {
        var client = app.CreateClient();
        var host = (await app.WithAsync<ReceptionQueries, IReadOnlyList<HostView>>(q => q.HostsAsync()))[0];

        var all = await client.GetAsync("/receptions/calendar.ics");
        var hostFeed = await client.GetAsync($"/receptions/hosts/{host.Id}/calendar.ics");
        var missing = await client.GetAsync("/receptions/studios/9999/calendar.ics");

        Assert.Equal("text/calendar; charset=utf-8", all.Content.Headers.ContentType?.ToString());
        var text = await all.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", text, StringComparison.Ordinal);
        Assert.Contains(host.Name, await hostFeed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task NoticePage_IsPrintable()
    {
        var client = app.CreateClient();
        var session = (await app.WithAsync<ReceptionQueries, IReadOnlyList<SessionListItem>>(q => q.UpcomingAsync()))[0];

        var html = await client.GetStringOkAsync($"/receptions/sessions/{session.Id}/notice");

        Assert.Contains("接 访 公 告", html, StringComparison.Ordinal);
        Assert.Contains(session.HostName, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/receptions/sessions/99999")]
    [InlineData("/receptions/sessions/99999/notice")]
    [InlineData("/receptions/hosts/99999")]
    [InlineData("/receptions/studios/99999")]
    public async Task UnknownIds_AreNotFound(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StaffReceptionsPage_IsForModerators()
    {
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/staff/receptions");
        var handler = await (await app.SignedInClientAsync("handler-transport")).GetAsync("/staff/receptions");
        var moderator = await (await app.SignedInClientAsync("moderator")).GetAsync("/staff/receptions");

        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/account/denied", handler.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, moderator.StatusCode);
        Assert.Contains("接待日管理", await moderator.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"confirmation-code\">([0-9A-Z]{5}-[0-9A-Z]{5})<")]
    private static partial Regex CodePattern();
}
