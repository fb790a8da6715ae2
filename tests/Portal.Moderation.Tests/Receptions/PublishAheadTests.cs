using Portal.Data.Receptions;
using Portal.Moderation.Receptions;

namespace Portal.Moderation.Tests.Receptions;

/// <summary>Sessions are published at least <see cref="ReceptionOptions.PublishDaysAhead"/> days ahead (here 3).</summary>
public sealed class PublishAheadTests
{
    private static Task<ReceptionHarness> HarnessAsync() => ReceptionHarness.CreateAsync(new ReceptionOptions { PublishDaysAhead = 3 });

    // The harness starts at 2026-03-02 10:00 local time.
    private static Task<int> CreateAsync(ReceptionHarness h, int hostId, DateTime startsLocal, string? reason = null) =>
        h.Admin.CreateSessionAsync(hostId, startsLocal, startsLocal.AddHours(3), null, "清河县人民来访接待中心", ReceptionMethod.FixedPlace, null, 5,
            ReceptionHarness.Moderator, reason);

    [Fact]
    public async Task CreateSession_SoonerThanTheRule_IsRefusedInChinese_AndNothingIsStored()
    {
        await using var h = await HarnessAsync();
        var host = await h.HostAsync();

        var ex = await Assert.ThrowsAsync<ReceptionStateException>(() => CreateAsync(h, host, new DateTime(2026, 3, 5, 9, 0, 0)));

        Assert.Contains("应至少提前 3 天", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026年3月5日 10:00", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Queries.UpcomingAsync());
    }

    [Fact]
    public async Task CreateSession_ExactlyTheRequiredDaysAhead_IsAccepted_WithoutShortNotice()
    {
        await using var h = await HarnessAsync();
        var host = await h.HostAsync();

        var id = await CreateAsync(h, host, new DateTime(2026, 3, 5, 10, 0, 0));

        Assert.Null((await h.Queries.GetSessionAsync(id))!.ShortNoticeReason);
    }

    [Fact]
    public async Task CreateSession_AtShortNotice_WithAnEmergencyReason_IsAccepted_AndTheReasonIsShown()
    {
        await using var h = await HarnessAsync();
        var host = await h.HostAsync();

        var id = await CreateAsync(h, host, new DateTime(2026, 3, 3, 9, 0, 0), "暴雨后群众反映集中，临时增加一场接访");

        var session = await h.Queries.GetSessionAsync(id);
        Assert.Equal("暴雨后群众反映集中，临时增加一场接访", session!.ShortNoticeReason);
        Assert.Contains(await h.Queries.UpcomingAsync(), s => s.Id == id);
    }

    [Fact]
    public async Task CreateSession_InTimeWithAReason_DoesNotMarkItShortNotice()
    {
        await using var h = await HarnessAsync();
        var host = await h.HostAsync();

        var id = await CreateAsync(h, host, new DateTime(2026, 3, 20, 9, 0, 0), "不需要的原因");

        Assert.Null((await h.Queries.GetSessionAsync(id))!.ShortNoticeReason);
    }

    [Fact]
    public async Task EarliestRegularStart_IsNowPlusTheRule_InLocalTime()
    {
        await using var h = await HarnessAsync();

        Assert.Equal(new DateTime(2026, 3, 5, 10, 0, 0), h.Admin.EarliestRegularStartLocal());
    }

    [Fact]
    public async Task CancelledSession_KeepsItsReason_OnThePublicList()
    {
        await using var h = await HarnessAsync();
        var host = await h.HostAsync();
        var id = await CreateAsync(h, host, new DateTime(2026, 3, 20, 9, 0, 0));

        await h.Admin.CancelSessionAsync(id, "接访领导参加全省会议", ReceptionHarness.Moderator);

        var listed = Assert.Single(await h.Queries.UpcomingAsync());
        Assert.Equal((ReceptionSessionStatus.Cancelled, "接访领导参加全省会议"), (listed.Status, listed.CancellationReason));
    }
}
