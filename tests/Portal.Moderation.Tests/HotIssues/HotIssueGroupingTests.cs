using Microsoft.EntityFrameworkCore;
using Portal.Data.HotIssues;
using Portal.Data.Staff;
using Portal.Moderation.HotIssues;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.HotIssues;

public sealed class HotIssueGroupingTests
{
    private static readonly StaffActor Admin = new("admin-1", "管理员", new HashSet<string> { StaffRoles.Admin }, null);

    [Fact]
    public async Task GroupPending_StoresOneGroupPerTopic_AndRanksTheTopicsAboveTheSingletons()
    {
        await using var h = await HotIssueHarness.CreateAsync();
        var ids = await h.AddFixtureAsync();

        var placed = await h.Grouping.GroupPendingAsync();
        var top = await h.Queries.GetTopAsync(HotIssueFixture.Start, HotIssueFixture.Start.AddDays(30), 6, CancellationToken.None);

        Assert.Equal(30, placed);
        Assert.Equal(6, top.Count);
        Assert.All(top, s => Assert.True(s.OpinionCount >= 4, $"{s.Title}: {s.OpinionCount}"));
        var lamps = Assert.Single(top, s => s.Title.Contains("路灯", StringComparison.Ordinal));
        Assert.Equal(5, lamps.OpinionCount);
        Assert.Equal(5, lamps.DistinctResidents);
        Assert.Equal(["幸福小区"], lamps.Areas);
        Assert.Equal(HotIssueFixture.Start, lamps.FirstAt);
        Assert.Equal(HotIssueFixture.Start.AddHours(16 * 29), lamps.LastAt);
        await using var db = h.Database.CreateDbContext();
        Assert.Equal(11, await db.HotIssueGroups.CountAsync());
        Assert.Equal(ids.Count, await db.HotIssueMembers.CountAsync());
    }

    [Fact]
    public async Task GroupPending_AddsALaterOpinionToItsExistingGroup_AndLeavesOthersAlone()
    {
        await using var h = await HotIssueHarness.CreateAsync();
        await h.AddFixtureAsync();
        await h.Grouping.GroupPendingAsync();
        var noise = await h.Queries.ListAsync(new HotIssueFilter(HotIssueFixture.Start, HotIssueFixture.Start.AddDays(30)));
        var noiseGroup = Assert.Single(noise, s => s.Title.Contains("广场舞", StringComparison.Ordinal) && s.OpinionCount == 4);

        var later = HotIssueFixture.Start.AddDays(22);
        var added = await h.AddAsync([("人民公园广场舞噪音太大", "晚上人民公园广场舞音响噪音太吵了，请管一管。", "河滨社区", later, null)]);
        var placed = await h.Grouping.GroupPendingAsync();
        var again = await h.Grouping.GroupPendingAsync();

        Assert.Equal(1, placed);
        Assert.Equal(0, again);
        var detail = await h.Queries.GetDetailAsync(noiseGroup.GroupId);
        Assert.Contains(detail!.Members, m => m.OpinionId == added[0]);
        Assert.Equal(5, detail.Summary.OpinionCount);
        Assert.Equal(later, detail.Summary.LastAt);
    }

    [Fact]
    public async Task Rebuild_RegroupsTheWindow_ButKeepsWhatALeaderPlaced()
    {
        await using var h = await HotIssueHarness.CreateAsync();
        var ids = await h.AddFixtureAsync();
        await h.Grouping.GroupPendingAsync();
        var lamps = (await h.Queries.ListAsync(new HotIssueFilter(HotIssueFixture.Start, HotIssueFixture.Start.AddDays(30)))).Single(s => s.Title.Contains("路灯", StringComparison.Ordinal));
        var detail = await h.Queries.GetDetailAsync(lamps.GroupId);
        var splitId = await h.Service.SplitAsync(lamps.GroupId, detail!.Version, [ids[29]], null, "另一处路灯", Admin);

        var count = await h.Grouping.RebuildAsync(HotIssueFixture.Start, HotIssueFixture.Start.AddDays(30), Admin);

        Assert.Equal(30 - 5, count);
        Assert.Equal([ids[29]], (await h.Queries.GetDetailAsync(splitId))!.Members.Select(m => m.OpinionId));
        Assert.Equal(4, (await h.Queries.GetDetailAsync(lamps.GroupId))!.Summary.OpinionCount);
        await using var db = h.Database.CreateDbContext();
        Assert.Equal(30, await db.HotIssueMembers.CountAsync());
        Assert.Equal(12, await db.HotIssueGroups.CountAsync());
    }

    [Fact]
    public async Task Rebuild_IsRefusedToALeader()
    {
        await using var h = await HotIssueHarness.CreateAsync();
        var leader = new StaffActor("leader-1", "领导", new HashSet<string> { StaffRoles.Leader }, null);

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => h.Grouping.RebuildAsync(HotIssueFixture.Start, HotIssueFixture.Start.AddDays(1), leader));
    }

    [Fact]
    public async Task DistinctResidents_CountsOneResidentWritingTwiceOnce_AndSupportsRaiseTheHeat()
    {
        await using var h = await HotIssueHarness.CreateAsync();
        var at = HotIssueFixture.Start;
        await h.AddAsync([
            ("幸福小区路灯不亮", "幸福小区路灯坏了两周，晚上一片漆黑。", "幸福小区", at, "138-0000-1111"),
            ("幸福小区路灯还是不亮", "幸福小区的路灯坏了还没修，晚上一片漆黑。", "幸福小区", at.AddDays(1), "13800001111"),
            ("小区路灯坏了", "幸福小区路灯坏了，晚上漆黑一片，请维修。", "幸福小区", at.AddDays(2), null),
        ], h.Urban, publish: true);
        await h.Grouping.GroupPendingAsync();
        var before = Assert.Single(await h.Queries.GetTopAsync(at, at.AddDays(30), 5, CancellationToken.None));

        var opinionId = (await h.Queries.GetDetailAsync(before.GroupId))!.Members[0].OpinionId;
        var outcomes = new List<SupportOutcome>();
        for (var i = 0; i < 3; i++)
            outcomes.Add((await h.Supports.SupportAsync(opinionId, new string((char)('a' + i), 40), "10.0.0.1")).Outcome);
        var after = Assert.Single(await h.Queries.GetTopAsync(at, at.AddDays(30), 5, CancellationToken.None));

        Assert.All(outcomes, o => Assert.Equal(SupportOutcome.Recorded, o));
        Assert.Equal(3, before.OpinionCount);
        Assert.Equal(2, before.DistinctResidents);
        Assert.Equal(3, after.Supports);
        Assert.True(after.Heat > before.Heat);
    }
}
