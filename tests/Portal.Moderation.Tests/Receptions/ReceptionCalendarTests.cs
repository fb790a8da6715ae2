using Ical.Net;
using Ical.Net.CalendarComponents;
using Portal.Data.Receptions;
using Portal.Moderation.Receptions;

namespace Portal.Moderation.Tests.Receptions;

public sealed class ReceptionCalendarTests
{
    [Fact]
    public async Task Feed_ParsesBack_WithStableUids_UtcTimes_AndCancelledStatus()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var host = await h.HostAsync();
        var first = await h.SessionAsync(daysAhead: 5, hostId: host);
        var second = await h.SessionAsync(daysAhead: 12, hostId: host);
        await h.Admin.CancelSessionAsync(second, "接访领导临时出差", ReceptionHarness.Moderator);

        var ics = await h.Calendar.FeedAsync("清河县接待日", "portal.test", new Uri("https://portal.test/"));
        var again = await h.Calendar.FeedAsync("清河县接待日", "portal.test", null);

        var calendar = Calendar.Load(ics)!;
        Assert.Equal(2, calendar.Events.Count);
        var e1 = Single(calendar, ReceptionCalendar.Uid(first, "portal.test"));
        var e2 = Single(calendar, ReceptionCalendar.Uid(second, "portal.test"));
        // 2026-03-07 09:00 in Asia/Shanghai is 01:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 7, 1, 0, 0, DateTimeKind.Utc), e1.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 3, 7, 4, 0, 0, DateTimeKind.Utc), e1.DtEnd!.AsUtc);
        Assert.True(e1.DtStart.IsUtc);
        Assert.Contains("定点接访", e1.Summary, StringComparison.Ordinal);
        Assert.Contains("陈建国", e1.Summary, StringComparison.Ordinal);
        Assert.Equal("清河县人民来访接待中心", e1.Location);
        Assert.Contains("重点议题：城乡建设", e1.Description, StringComparison.Ordinal);
        Assert.Equal(EventStatus.Confirmed, e1.Status);
        Assert.Equal(EventStatus.Cancelled, e2.Status);
        Assert.True(e2.Sequence > e1.Sequence);
        Assert.Contains("接访领导临时出差", e2.Description, StringComparison.Ordinal);
        Assert.Equal(new Uri($"https://portal.test/receptions/sessions/{first}"), e1.Url);
        Assert.Contains(Calendar.Load(again)!.Events, e => e.Uid == e1.Uid);
    }

    [Fact]
    public async Task Feed_PerHost_HasOnlyThatHostsSessions()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var host = await h.HostAsync();
        var other = await h.HostAsync("黄秀珍", "县党代表", ReceptionHostKind.Deputy, 2);
        await h.SessionAsync(hostId: host);
        var theirs = await h.SessionAsync(hostId: other);

        var calendar = Calendar.Load(await h.Calendar.FeedAsync("黄秀珍", "portal.test", null, hostId: other))!;

        Assert.Equal(ReceptionCalendar.Uid(theirs, "portal.test"), Assert.Single(calendar.Events).Uid);
    }

    private static CalendarEvent Single(Calendar calendar, string uid) => Assert.Single(calendar.Events, e => e.Uid == uid);
}
