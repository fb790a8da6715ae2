using Microsoft.EntityFrameworkCore;
using Portal.Data.Opinions;
using Portal.Data.Supervision;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Supervision;

/// <summary>
/// The escalation pass over a real database. An opinion in progress from Sunday 1 March 2026 has 15 working
/// days: its last day is Friday 20 March; reminders from Thursday 19, 督办 from Saturday 21, 黄牌 from
/// Thursday 26 (23, 24, 25 passed), 红牌 from Thursday 2 April (five more).
/// </summary>
public sealed class SupervisionServiceTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RunAsync_BeforeTheReminderWindow_IssuesNothing()
    {
        await _h.OpinionInAsync(OpinionStatus.InProgress);
        _h.At(BeijingMorning(2026, 3, 18));

        var result = await _h.Supervision().RunAsync();

        Assert.Equal(0, result.Issued);
        Assert.Empty(await NoticesAsync());
    }

    [Fact]
    public async Task RunAsync_TwoWorkingDaysBeforeTheDeadline_RemindsTheHandlerOnceWithAHistoryEntry()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);
        var version = await _h.VersionAsync(id);
        _h.At(BeijingMorning(2026, 3, 19));

        await _h.Supervision().RunAsync();

        var notice = Assert.Single(await NoticesAsync());
        Assert.Equal((id, SupervisionLevel.Reminder, true), (notice.OpinionId, notice.Level, notice.IsOpen));
        var history = await HistoryAsync(id);
        Assert.Equal(OpinionAction.Reminded, history[^1].Action);
        Assert.Equal("催办：办理时限 3月20日，还剩 2 个工作日", history[^1].Note);
        // The handler's open page is not made stale by a reminder.
        Assert.Equal(version, await _h.VersionAsync(id));
    }

    [Fact]
    public async Task RunAsync_Twice_LeavesOneNoticeAndOneHistoryEntry()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);
        _h.At(BeijingMorning(2026, 3, 23));

        var first = await _h.Supervision().RunAsync();
        var second = await _h.Supervision().RunAsync();

        Assert.Equal((1, 0), (first.Issued, second.Issued));
        Assert.Single(await NoticesAsync());
        Assert.Single(await HistoryAsync(id), e => e.Action == OpinionAction.Supervised);
    }

    [Fact]
    public async Task RunAsync_ConcurrentPasses_NeverIssueTheSameStepTwice()
    {
        await _h.OpinionInAsync(OpinionStatus.InProgress);
        await _h.OpinionInAsync(OpinionStatus.InProgress, _h.TransportId);
        _h.At(BeijingMorning(2026, 3, 23));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _h.Supervision().RunAsync())));

        Assert.Equal(2, results.Sum(r => r.Issued));
        Assert.Equal(2, (await NoticesAsync()).Count);
    }

    [Fact]
    public async Task UniqueIndex_RefusesASecondNoticeForTheSameStep()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);
        _h.At(BeijingMorning(2026, 3, 23));
        await _h.Supervision().RunAsync();
        var existing = Assert.Single(await NoticesAsync());

        await using var db = _h.Database.CreateDbContext();
        db.SupervisionNotices.Add(SupervisionNotice.Issue(id, existing.DepartmentId, existing.Level, existing.Deadline, _h.Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task RunAsync_OverTime_EscalatesThroughEveryLevel_KeepingOneOpenNotice()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);
        var seen = new List<SupervisionLevel>();
        foreach (var day in new[] { 19, 21, 25, 26, 31 })
        {
            _h.At(BeijingMorning(2026, 3, day));
            await _h.Supervision().RunAsync();
            seen.Add(Assert.Single(await NoticesAsync(), n => n.IsOpen).Level);
        }

        _h.At(BeijingMorning(2026, 4, 2));
        await _h.Supervision().RunAsync();
        seen.Add(Assert.Single(await NoticesAsync(), n => n.IsOpen).Level);

        Assert.Equal(
            [SupervisionLevel.Reminder, SupervisionLevel.Normal, SupervisionLevel.Normal, SupervisionLevel.Yellow, SupervisionLevel.Yellow, SupervisionLevel.Red],
            seen);
        var all = await NoticesAsync();
        Assert.Equal(4, all.Count);
        Assert.All(all.Where(n => !n.IsOpen), n => Assert.StartsWith("升级为", n.ClearReason, StringComparison.Ordinal));
        Assert.Equal(
            ["催办：办理时限 3月20日，还剩 2 个工作日", "督办（普通）：已超过办理时限（3月20日）", "黄牌督办：已超过办理时限（3月20日）3 个工作日", "红牌督办：已超过办理时限（3月20日）8 个工作日"],
            (await HistoryAsync(id)).Where(e => e.Action is OpinionAction.Reminded or OpinionAction.Supervised).Select(e => e.Note));
    }

    [Fact]
    public async Task CompleteAsync_ClearsTheOpenNotice_AndRecordsItInTheHistory()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);
        _h.At(BeijingMorning(2026, 3, 26));
        await _h.Supervision().RunAsync();

        await _h.CompleteAsync(id);
        var again = await _h.Supervision().RunAsync();

        var notice = Assert.Single(await NoticesAsync());
        Assert.Equal((SupervisionLevel.Yellow, "已办结"), (notice.Level, notice.ClearReason));
        Assert.False(notice.IsOpen);
        Assert.Equal(0, again.Issued);
        var history = await HistoryAsync(id);
        Assert.Equal([OpinionAction.Completed, OpinionAction.SupervisionCleared], history.TakeLast(2).Select(e => e.Action));
        Assert.Empty((await _h.SupervisionQueries.GetBoardAsync()).Notices);
    }

    [Fact]
    public async Task RunAsync_AfterARevisionRequest_ReopensTheClearedNoticeInsteadOfAddingOne()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);
        _h.At(BeijingMorning(2026, 3, 23));
        await _h.Supervision().RunAsync();
        await _h.CompleteAsync(id);
        await _h.Workflow.RequestRevisionAsync(id, await _h.VersionAsync(id), "答复不完整", _h.Moderator);

        await _h.Supervision().RunAsync();

        var notice = Assert.Single(await NoticesAsync());
        Assert.True(notice.IsOpen);
    }

    [Fact]
    public async Task ReturnAsync_ClearsTheNoticesOfTheDepartmentThatReturnedIt()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);
        _h.At(BeijingMorning(2026, 3, 23));
        await _h.Supervision().RunAsync();

        await _h.ReturnAsync(id, "不属于本部门职责");

        Assert.Equal("退回重新交办", Assert.Single(await NoticesAsync()).ClearReason);
    }

    [Fact]
    public async Task Board_ListsTheOpenNotices_WithTheirDepartmentsHighestLevelFirst()
    {
        var urban = await _h.OpinionInAsync(OpinionStatus.InProgress);
        _h.At(BeijingMorning(2026, 3, 5));
        var transport = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.TransportId);
        _h.At(BeijingMorning(2026, 3, 26));
        await _h.Supervision().RunAsync();

        var board = await _h.SupervisionQueries.GetBoardAsync();

        Assert.Equal([urban, transport], board.Notices.Select(n => n.OpinionId));
        Assert.Equal((1, 1), (board.Count(SupervisionLevel.Yellow), board.Count(SupervisionLevel.Reminder)));
        Assert.Equal(["住建局", "交通局"], board.Departments.Select(d => d.DepartmentName));
    }

    private static DateTimeOffset BeijingMorning(int year, int month, int day) => new(year, month, day, 2, 0, 0, TimeSpan.Zero);

    private async Task<List<SupervisionNotice>> NoticesAsync()
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.SupervisionNotices.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<List<OpinionEvent>> HistoryAsync(int id)
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.OpinionEvents.AsNoTracking().Where(e => e.OpinionId == id).OrderBy(e => e.Id).ToListAsync();
    }
}
