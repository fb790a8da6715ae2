using Portal.Data.HotIssues;
using Portal.Data.Staff;
using Portal.Moderation.HotIssues;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.HotIssues;

public sealed class HotIssueServiceTests
{
    private static readonly StaffActor Leader = new("leader-1", "领导戊", new HashSet<string> { StaffRoles.Leader }, null);
    private static readonly StaffActor Moderator = new("mod-1", "审核员甲", new HashSet<string> { StaffRoles.Moderator }, null);

    private static async Task<(HotIssueHarness H, HotIssueSummary Lamps, HotIssueSummary Water)> GroupedAsync()
    {
        var h = await HotIssueHarness.CreateAsync();
        await h.AddFixtureAsync();
        await h.Grouping.GroupPendingAsync();
        var all = await h.Queries.ListAsync(new HotIssueFilter(HotIssueFixture.Start, HotIssueFixture.Start.AddDays(30)));
        return (h, all.Single(s => s.Title.Contains("路灯", StringComparison.Ordinal)), all.Single(s => s.Title.Contains("自来水", StringComparison.Ordinal) && s.OpinionCount == 4));
    }

    [Fact]
    public async Task Merge_MovesEveryOpinion_AndRecordsItOnBothGroups()
    {
        var (h, lamps, water) = await GroupedAsync();
        await using var _ = h;
        var version = (await h.Queries.GetDetailAsync(water.GroupId))!.Version;

        await h.Service.MergeAsync(water.GroupId, version, lamps.GroupId, "同一小区的基础设施问题", Leader);

        var target = (await h.Queries.GetDetailAsync(lamps.GroupId))!;
        var source = (await h.Queries.GetDetailAsync(water.GroupId))!;
        Assert.Equal(9, target.Summary.OpinionCount);
        Assert.Empty(source.Members);
        Assert.Equal(HotIssueStatus.Merged, source.Status);
        Assert.Equal(lamps.GroupId, source.MergedIntoId);
        var fromEvent = Assert.Single(target.History);
        Assert.Equal((HotIssueAction.MergedFrom, "领导戊", (int?)water.GroupId), (fromEvent.Action, fromEvent.ActorName, fromEvent.OtherGroupId));
        Assert.Equal(HotIssueAction.MergedInto, Assert.Single(source.History).Action);
        Assert.DoesNotContain(await h.Queries.ListAsync(new HotIssueFilter(HotIssueFixture.Start, HotIssueFixture.Start.AddDays(30))), s => s.GroupId == water.GroupId);
    }

    [Fact]
    public async Task Split_MovesTheChosenOpinionsIntoANewGroup_WithHistoryOnBoth()
    {
        var (h, lamps, _) = await GroupedAsync();
        await using var __ = h;
        var detail = (await h.Queries.GetDetailAsync(lamps.GroupId))!;
        var moving = detail.Members.TakeLast(2).Select(m => m.OpinionId).ToList();

        var newId = await h.Service.SplitAsync(lamps.GroupId, detail.Version, moving, "幸福小区东门路灯", "东门一带另行处理", Leader);

        var split = (await h.Queries.GetDetailAsync(newId))!;
        Assert.Equal("幸福小区东门路灯", split.Summary.Title);
        Assert.Equal(moving, split.Members.Select(m => m.OpinionId));
        Assert.All(split.Members, m => Assert.True(m.IsPinned));
        Assert.Equal(HotIssueAction.SplitFrom, Assert.Single(split.History).Action);
        var source = (await h.Queries.GetDetailAsync(lamps.GroupId))!;
        Assert.Equal(3, source.Summary.OpinionCount);
        Assert.Contains("东门一带另行处理", Assert.Single(source.History).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Split_OfEveryOpinion_IsRefusedInChinese()
    {
        var (h, lamps, _) = await GroupedAsync();
        await using var __ = h;
        var detail = (await h.Queries.GetDetailAsync(lamps.GroupId))!;

        var ex = await Assert.ThrowsAsync<HotIssueStateException>(() =>
            h.Service.SplitAsync(lamps.GroupId, detail.Version, detail.Members.Select(m => m.OpinionId).ToList(), null, null, Leader));
        Assert.Contains("至少要留下一条意见", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkHandled_KeepsTheNote_StopsNewOpinionsJoining_AndCanBeReopened()
    {
        var (h, lamps, _) = await GroupedAsync();
        await using var __ = h;
        var version = (await h.Queries.GetDetailAsync(lamps.GroupId))!.Version;

        await h.Service.MarkHandledAsync(lamps.GroupId, version, "已更换全部路灯", Leader);
        await h.AddAsync([("幸福小区路灯又不亮", "幸福小区路灯坏了，晚上一片漆黑，请维修路灯。", "幸福小区", HotIssueFixture.Start.AddDays(21), null)]);
        await h.Grouping.GroupPendingAsync();
        var handled = (await h.Queries.GetDetailAsync(lamps.GroupId))!;
        await h.Service.ReopenAsync(lamps.GroupId, handled.Version, "群众反映又坏了", Leader);
        var reopened = (await h.Queries.GetDetailAsync(lamps.GroupId))!;

        Assert.Equal((HotIssueStatus.Handled, "已更换全部路灯", "领导戊"), (handled.Status, handled.HandledNote, handled.HandledByName));
        Assert.Equal(5, handled.Summary.OpinionCount);
        Assert.Equal(HotIssueStatus.Open, reopened.Status);
        Assert.Equal([HotIssueAction.Handled, HotIssueAction.Reopened], reopened.History.Select(e => e.Action));
    }

    [Fact]
    public async Task Actions_AreRefusedToAModerator_AndOnAStaleVersion()
    {
        var (h, lamps, _) = await GroupedAsync();
        await using var __ = h;
        var version = (await h.Queries.GetDetailAsync(lamps.GroupId))!.Version;

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => h.Service.MarkHandledAsync(lamps.GroupId, version, "已处理", Moderator));
        var stale = await Assert.ThrowsAsync<HotIssueStateException>(() => h.Service.MarkHandledAsync(lamps.GroupId, version - 1, "已处理", Leader));
        Assert.Contains("刷新", stale.Message, StringComparison.Ordinal);
        var empty = await Assert.ThrowsAsync<HotIssueStateException>(() => h.Service.MarkHandledAsync(lamps.GroupId, version, "  ", Leader));
        Assert.Contains("请填写处置情况说明", empty.Message, StringComparison.Ordinal);
    }
}
