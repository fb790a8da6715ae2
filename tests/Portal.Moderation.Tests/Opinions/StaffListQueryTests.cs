using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Opinions;

/// <summary>The staff lists, one page at a time: moderation queue and department inbox, their counts and who sees what.</summary>
public sealed class StaffListQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = WorkflowHarness.Start;

    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static OpinionPageRequest Queue(OpinionStatus? status = null) => new(OpinionListScope.ModerationQueue, status, PageSize: 100);

    private static OpinionPageRequest Inbox() => new(OpinionListScope.DepartmentInbox, PageSize: 100);

    private Task<PagedResult<OpinionListItem>> QueueAsync(OpinionPageRequest request) => _h.Queries.GetPageAsync(request, _h.Moderator);

    private async Task<int> SubmittedAsync(string title, string area = "幸福小区")
    {
        var input = WorkflowHarness.Input(title);
        input.Area = area;
        var id = (await _h.SubmitAsync(input)).OpinionId;
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        return id;
    }

    [Fact]
    public async Task Queue_ListsSubmittedRegisteredAndCompletedOpinions_LongestWaitingFirst()
    {
        var submitted = await _h.OpinionInAsync(OpinionStatus.Submitted);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        var registered = await _h.OpinionInAsync(OpinionStatus.Registered);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        var completed = await _h.OpinionInAsync(OpinionStatus.Completed);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await _h.OpinionInAsync(OpinionStatus.Assigned);
        await _h.OpinionInAsync(OpinionStatus.InProgress);
        var published = await _h.OpinionInAsync(OpinionStatus.Published);
        await _h.OpinionInAsync(OpinionStatus.Rejected);
        var duplicate = (await _h.SubmitAsync()).OpinionId;
        await _h.MergeAsync(duplicate, published);

        var queue = await QueueAsync(Queue());

        Assert.Equal([submitted, registered, completed], queue.Items.Select(i => i.Id));
        Assert.Equal(3, queue.Total);
        Assert.Equal([OpinionStatus.Submitted, OpinionStatus.Registered, OpinionStatus.Completed], queue.Items.Select(i => i.Status));
        Assert.Equal("住建局", queue.Items[2].DepartmentName);
        Assert.Null(queue.Items[1].DepartmentName);
        Assert.All(queue.Items, i => Assert.False(i.IsOverdue));
    }

    [Fact]
    public async Task Queue_ShowsAReturnedOpinionWithTheDepartmentsReason()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.TransportId);
        await _h.ReturnAsync(id, "属于住建局职责");

        var item = Assert.Single((await QueueAsync(Queue(OpinionStatus.Registered))).Items);

        Assert.Equal(id, item.Id);
        Assert.Equal("属于住建局职责", item.ReturnReason);
        Assert.Null(item.DepartmentName);
        Assert.Null(item.Deadline);
        Assert.Equal(await _h.VersionAsync(id), item.Version);
    }

    [Fact]
    public async Task Queue_WithAStatus_ListsOnlyThatTab_AndAStatusOutsideTheQueueListsNothing()
    {
        var submitted = await _h.OpinionInAsync(OpinionStatus.Submitted);
        var registered = await _h.OpinionInAsync(OpinionStatus.Registered);
        await _h.OpinionInAsync(OpinionStatus.Assigned);

        Assert.Equal([submitted], (await QueueAsync(Queue(OpinionStatus.Submitted))).Items.Select(i => i.Id));
        Assert.Equal([registered], (await QueueAsync(Queue(OpinionStatus.Registered))).Items.Select(i => i.Id));
        var assigned = await QueueAsync(Queue(OpinionStatus.Assigned));
        Assert.Equal((0, 0), (assigned.Total, assigned.Items.Count));
    }

    [Fact]
    public async Task Pages_SplitTheListAtThePageSize_AndEveryPageReportsTheWholeTotal()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
            ids.Add(await SubmittedAsync($"意见{i}"));

        var first = await QueueAsync(Queue() with { PageSize = 2 });
        var last = await QueueAsync(Queue() with { PageSize = 2, PageIndex = 2 });
        var beyond = await QueueAsync(Queue() with { PageSize = 2, PageIndex = 3 });

        Assert.Equal(ids[..2], first.Items.Select(i => i.Id));
        Assert.Equal((5, 1), (first.Total, first.Page));
        Assert.Equal(ids[4..], last.Items.Select(i => i.Id));
        Assert.Equal((5, 3), (last.Total, last.Page));
        Assert.Equal((0, 5), (beyond.Items.Count, beyond.Total));
    }

    [Fact]
    public async Task Pages_ClampANegativeIndexAndAnOutOfRangeSize()
    {
        for (var i = 0; i < 3; i++)
            await SubmittedAsync($"意见{i}");

        var negative = await QueueAsync(Queue() with { PageIndex = -4, PageSize = 0 });
        var huge = await QueueAsync(Queue() with { PageSize = 1_000_000 });

        Assert.Equal((1, 1, 1), (negative.Items.Count, negative.Page, negative.PageSize));
        Assert.Equal((3, OpinionPageRequest.MaxPageSize), (huge.Items.Count, huge.PageSize));
    }

    [Fact]
    public async Task Search_FindsByTitleTrackingCodeWithOrWithoutDashesAndArea()
    {
        var lamp = await SubmittedAsync("小区路灯不亮", "幸福小区");
        var bus = await SubmittedAsync("公交班次太少", "东城区");
        var code = await _h.TrackingCodeAsync(bus);

        async Task<IEnumerable<int>> Find(string text) => (await QueueAsync(Queue() with { Search = text })).Items.Select(i => i.Id);

        Assert.Equal([lamp], await Find("路灯"));
        Assert.Equal([bus], await Find("东城"));
        Assert.Equal([bus], await Find(code));
        Assert.Equal([bus], await Find(TrackingCodes.Format(code).ToLowerInvariant()));
        Assert.Equal([lamp, bus], await Find("  "));
        Assert.Empty(await Find("没有这样的意见"));
        Assert.Equal(1, (await QueueAsync(Queue() with { Search = "公交" })).Total);
    }

    [Theory]
    [InlineData(OpinionListSort.Title, false, new[] { "A", "B", "C" })]
    [InlineData(OpinionListSort.Title, true, new[] { "C", "B", "A" })]
    [InlineData(OpinionListSort.Area, false, new[] { "B", "A", "C" })]
    [InlineData(OpinionListSort.Created, true, new[] { "C", "A", "B" })]
    [InlineData(OpinionListSort.Default, true, new[] { "B", "A", "C" })]
    public async Task Sort_OrdersByTheRequestedColumnAndDirection(OpinionListSort sort, bool descending, string[] expected)
    {
        // Titles A, B, C; areas 2, 1, 3; created B, A, C.
        var ids = new Dictionary<int, string>
        {
            [await SubmittedAsync("B意见", "1区")] = "B",
            [await SubmittedAsync("A意见", "2区")] = "A",
            [await SubmittedAsync("C意见", "3区")] = "C",
        };

        var page = await QueueAsync(Queue() with { Sort = sort, Descending = descending });

        Assert.Equal(expected, page.Items.Select(i => ids[i.Id]));
    }

    [Fact]
    public async Task Inbox_ListsOnlyTheHandlersDepartmentsAssignedAndInProgressOpinions_OverdueFirst()
    {
        // 15 working days each.
        var oldest = await _h.OpinionInAsync(OpinionStatus.Assigned);          // deadline: end of 20 March, overdue
        _h.Clock.Advance(TimeSpan.FromDays(1));
        var older = await _h.OpinionInAsync(OpinionStatus.InProgress);         // deadline: end of 23 March, overdue
        _h.At(Start + TimeSpan.FromDays(23));
        var recent = await _h.OpinionInAsync(OpinionStatus.InProgress);        // deadline: end of 14 April
        _h.Clock.Advance(TimeSpan.FromDays(1));
        var newest = await _h.OpinionInAsync(OpinionStatus.Assigned);          // deadline: end of 15 April
        await _h.OpinionInAsync(OpinionStatus.InProgress, _h.TransportId);
        await _h.OpinionInAsync(OpinionStatus.Registered);
        await _h.OpinionInAsync(OpinionStatus.Completed);
        await _h.OpinionInAsync(OpinionStatus.Published);

        var inbox = (await _h.Queries.GetPageAsync(Inbox(), _h.UrbanHandler)).Items;

        Assert.Equal([oldest, older, recent, newest], inbox.Select(i => i.Id));
        Assert.Equal([true, true, false, false], inbox.Select(i => i.IsOverdue));
        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), inbox[0].Deadline);
        Assert.All(inbox, i => Assert.Equal("住建局", i.DepartmentName));
        Assert.Equal(2, await _h.Queries.CountOverdueInInboxAsync(_h.UrbanHandler));
        Assert.Equal(0, await _h.Queries.CountOverdueInInboxAsync(_h.TransportHandler));
    }

    [Fact]
    public async Task Inbox_ForStaffWithoutADepartmentOrOfAnotherOne_IsEmpty()
    {
        await _h.OpinionInAsync(OpinionStatus.Assigned);
        var handlerWithoutDepartment = new StaffActor("handler-x", "承办人庚", new HashSet<string> { StaffRoles.Handler }, null);
        var leaderWithDepartment = new StaffActor("leader-x", "领导辛", new HashSet<string> { StaffRoles.Leader }, _h.UrbanId);

        Assert.Equal(0, (await _h.Queries.GetPageAsync(Inbox(), handlerWithoutDepartment)).Total);
        Assert.Equal(0, (await _h.Queries.GetPageAsync(Inbox(), _h.Moderator)).Total);
        Assert.Equal(0, (await _h.Queries.GetPageAsync(Inbox(), _h.TransportHandler)).Total);
        Assert.Equal(0, (await _h.Queries.GetPageAsync(Inbox(), leaderWithDepartment)).Total);
        Assert.Equal(0, await _h.Queries.CountOverdueInInboxAsync(_h.Moderator));
    }

    [Fact]
    public async Task AHandler_NeverGetsAnotherDepartmentsOrTheQueuesRows_WhateverTheRequest()
    {
        var urban = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.UrbanId);
        await _h.OpinionInAsync(OpinionStatus.Submitted);
        await _h.OpinionInAsync(OpinionStatus.Completed, _h.UrbanId);
        var code = await _h.TrackingCodeAsync(urban);
        var crafted = new[]
        {
            Inbox(),
            Inbox() with { Search = code },
            Inbox() with { Status = OpinionStatus.InProgress },
            Inbox() with { Status = OpinionStatus.Submitted },
            Inbox() with { Sort = (OpinionListSort)99, Descending = true },
            Queue(),
            Queue(OpinionStatus.Completed),
            (OpinionPageRequest)(Inbox() with { Scope = (OpinionListScope)7 }),
        };

        foreach (var request in crafted)
        {
            var page = await _h.Queries.GetPageAsync(request, _h.TransportHandler);
            Assert.Equal((0, 0), (page.Total, page.Items.Count));
        }

        Assert.Empty(await _h.Queries.GetQueueCountsAsync(_h.TransportHandler));
        Assert.Empty(await _h.Queries.GetQueueCountsAsync(_h.UrbanHandler));
    }

    [Fact]
    public async Task QueueCounts_CountEachWaitingState()
    {
        await _h.OpinionInAsync(OpinionStatus.Submitted);
        await _h.OpinionInAsync(OpinionStatus.Submitted);
        await _h.OpinionInAsync(OpinionStatus.Registered);
        await _h.OpinionInAsync(OpinionStatus.Completed);
        await _h.OpinionInAsync(OpinionStatus.Assigned);
        await _h.OpinionInAsync(OpinionStatus.Published);

        var counts = await _h.Queries.GetQueueCountsAsync(_h.Admin);

        Assert.Equal(
            new Dictionary<OpinionStatus, int> { [OpinionStatus.Submitted] = 2, [OpinionStatus.Registered] = 1, [OpinionStatus.Completed] = 1 },
            counts);
    }
}
