using Portal.Moderation.Opinions;
using Portal.Web.Components.Shared;

namespace Portal.Web.Tests;

public sealed class StatusTimelineTests : PortalTestContext
{
    [Fact]
    public void Entries_AreShownInOrder_WithLocalTimes()
    {
        var entries = new List<TimelineEntry>
        {
            new(new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc), "意见已提交"),
            new(new DateTime(2026, 3, 1, 6, 30, 0, DateTimeKind.Utc), "已受理登记"),
        };

        var cut = Render<StatusTimeline>(p => p.Add(t => t.Entries, entries));

        var items = cut.FindAll("ol.timeline li");
        Assert.Equal(2, items.Count);
        Assert.Contains("意见已提交", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 10:00", items[0].TextContent, StringComparison.Ordinal); // Beijing time
        Assert.Contains("已受理登记", items[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-03-01T06:30:00.0000000Z", items[1].QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public void NoEntries_SaysSo()
    {
        var cut = Render<StatusTimeline>(p => p.Add(t => t.Entries, []));

        Assert.Empty(cut.FindAll("ol.timeline"));
        Assert.Contains("暂无办理记录", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void EntryText_IsEncoded_NotRenderedAsMarkup()
    {
        var cut = Render<StatusTimeline>(p => p.Add(t => t.Entries, [new TimelineEntry(DateTime.UtcNow, "不予受理：<img src=x onerror=alert(1)>")]));

        Assert.Empty(cut.FindAll("img"));
        Assert.Contains("<img src=x onerror=alert(1)>", cut.Find("li span").TextContent, StringComparison.Ordinal);
    }
}
