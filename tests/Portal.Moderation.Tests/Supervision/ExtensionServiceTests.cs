using Microsoft.EntityFrameworkCore;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Data.Supervision;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Supervision;

/// <summary>
/// Extension requests on an opinion in progress at 住建局 since Sunday 1 March 2026 (last day Friday 20 March).
/// </summary>
public sealed class ExtensionServiceTests : IAsyncLifetime
{
    private static readonly DateOnly NewLastDay = new(2026, 3, 27);

    private WorkflowHarness _h = null!;
    private int _id;

    public async Task InitializeAsync()
    {
        _h = await WorkflowHarness.CreateAsync();
        _id = await _h.OpinionInAsync(OpinionStatus.InProgress);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Approve_MovesTheDeadline_ClearsTheOldNotices_AndTheResidentSeesIt()
    {
        _h.At(new DateTimeOffset(2026, 3, 23, 2, 0, 0, TimeSpan.Zero));
        await _h.Supervision().RunAsync();
        await _h.Extensions.RequestAsync(_id, NewLastDay, "需等待第三方检测报告", _h.UrbanHandler);
        var request = await PendingAsync();

        await _h.Extensions.ApproveAsync(request.Id, "同意，请按期办结", _h.Leader);

        var opinion = await OpinionAsync();
        Assert.Equal(new DateTime(2026, 3, 27, 16, 0, 0, DateTimeKind.Utc), opinion.Deadline);
        Assert.Equal(1, opinion.ExtensionCount);
        Assert.Equal(
            [OpinionAction.Supervised, OpinionAction.ExtensionRequested, OpinionAction.ExtensionApproved, OpinionAction.SupervisionCleared],
            opinion.Events.OrderBy(e => e.Id).TakeLast(4).Select(e => e.Action));
        Assert.Equal("同意延期至 2026年3月27日：同意，请按期办结", opinion.Events.Single(e => e.Action == OpinionAction.ExtensionApproved).Note);
        var notices = await NoticesAsync();
        Assert.Equal("延期获批", Assert.Single(notices).ClearReason);
        // No longer overdue: the next pass issues nothing until the new time limit nears.
        Assert.Equal(0, (await _h.Supervision().RunAsync()).Issued);

        var tracking = await _h.Queries.GetTrackingAsync(opinion.TrackingCode);
        Assert.True(tracking!.DeadlineExtended);
        Assert.False(tracking.IsOverdue);
        Assert.Equal(opinion.Deadline, tracking.Deadline);
        Assert.Contains(tracking.Timeline, t => t.Text == "经批准，办理时限已延长");
    }

    [Fact]
    public async Task Refuse_KeepsTheDeadline_AndRecordsTheReason()
    {
        await _h.Extensions.RequestAsync(_id, NewLastDay, "人手不足", _h.UrbanHandler);
        var request = await PendingAsync();

        await _h.Extensions.RefuseAsync(request.Id, "请按原时限办结", _h.Admin);

        var opinion = await OpinionAsync();
        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), opinion.Deadline);
        Assert.Equal(0, opinion.ExtensionCount);
        var stored = await ExtensionAsync(request.Id);
        Assert.Equal((ExtensionStatus.Refused, "管理员己", "请按原时限办结"), (stored.Status, stored.DecidedByName, stored.DecisionComment));
        Assert.Equal("不同意延期：请按原时限办结", opinion.Events.OrderBy(e => e.Id).Last().Note);
    }

    [Fact]
    public async Task Refuse_WithoutAReason_IsRefusedAndLeavesTheRequestPending()
    {
        await _h.Extensions.RequestAsync(_id, NewLastDay, "人手不足", _h.UrbanHandler);
        var request = await PendingAsync();

        var error = await Assert.ThrowsAsync<OpinionStateException>(() => _h.Extensions.RefuseAsync(request.Id, "  ", _h.Leader));

        Assert.Equal("请填写不同意延期的理由。", error.Message);
        Assert.Equal(ExtensionStatus.Pending, (await ExtensionAsync(request.Id)).Status);
    }

    [Fact]
    public async Task Request_WhileAnotherIsPending_IsRefused()
    {
        await _h.Extensions.RequestAsync(_id, NewLastDay, "人手不足", _h.UrbanHandler);

        var error = await Assert.ThrowsAsync<OpinionStateException>(() => _h.Extensions.RequestAsync(_id, NewLastDay.AddDays(3), "再延几天", _h.UrbanHandler));

        Assert.Contains("正在审批", error.Message, StringComparison.Ordinal);
        await using var db = _h.Database.CreateDbContext();
        Assert.Equal(1, await db.DeadlineExtensions.CountAsync());
    }

    [Theory]
    [InlineData("2026-03-20", "晚于当前时限")]  // the current last day
    [InlineData("2026-03-28", "不是工作日")]    // a Saturday
    public async Task Request_ForAnInvalidDate_IsRefusedWithAReason(string date, string message)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var error = await Assert.ThrowsAsync<OpinionStateException>(() => _h.Extensions.RequestAsync(_id, day, "理由", _h.UrbanHandler));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        await using var db = _h.Database.CreateDbContext();
        Assert.False(await db.DeadlineExtensions.AnyAsync());
    }

    [Fact]
    public async Task Request_OnASwappedSaturday_IsAccepted()
    {
        await using (var db = _h.Database.CreateDbContext())
        {
            db.CalendarDays.Add(CalendarDay.Create(new DateOnly(2026, 3, 28), true, "调休上班"));
            await db.SaveChangesAsync();
        }

        _h.Calendars.Invalidate();

        await _h.Extensions.RequestAsync(_id, new DateOnly(2026, 3, 28), "理由", _h.UrbanHandler);

        Assert.Equal(new DateOnly(2026, 3, 28), (await PendingAsync()).RequestedDate);
    }

    [Fact]
    public async Task Request_WithoutAReason_OrByAnotherDepartment_IsRefused()
    {
        await Assert.ThrowsAsync<OpinionStateException>(() => _h.Extensions.RequestAsync(_id, NewLastDay, " ", _h.UrbanHandler));
        await Assert.ThrowsAsync<OpinionNotFoundException>(() => _h.Extensions.RequestAsync(_id, NewLastDay, "理由", _h.TransportHandler));
        await Assert.ThrowsAsync<OpinionNotFoundException>(() => _h.Extensions.RequestAsync(_id, NewLastDay, "理由", _h.Leader));
    }

    [Fact]
    public async Task Decide_ByAHandlerOrModerator_IsDenied_AndTwiceIsRefused()
    {
        await _h.Extensions.RequestAsync(_id, NewLastDay, "人手不足", _h.UrbanHandler);
        var request = await PendingAsync();

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _h.Extensions.ApproveAsync(request.Id, null, _h.UrbanHandler));
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _h.Extensions.ApproveAsync(request.Id, null, _h.Moderator));
        await _h.Extensions.ApproveAsync(request.Id, null, _h.Leader);
        await Assert.ThrowsAsync<OpinionStateException>(() => _h.Extensions.RefuseAsync(request.Id, "晚了", _h.Admin));

        Assert.Equal(ExtensionStatus.Approved, (await ExtensionAsync(request.Id)).Status);
    }

    [Fact]
    public async Task CompletingTheCase_ClosesAPendingRequest()
    {
        await _h.Extensions.RequestAsync(_id, NewLastDay, "人手不足", _h.UrbanHandler);
        var request = await PendingAsync();

        await _h.CompleteAsync(_id);

        var stored = await ExtensionAsync(request.Id);
        Assert.Equal(ExtensionStatus.Refused, stored.Status);
        Assert.StartsWith("已办结", stored.DecisionComment, StringComparison.Ordinal);
        await Assert.ThrowsAsync<OpinionStateException>(() => _h.Extensions.ApproveAsync(request.Id, null, _h.Leader));
    }

    [Fact]
    public async Task DepartmentView_ShowsTheHandlerTheirRequestsAndNotices()
    {
        _h.At(new DateTimeOffset(2026, 3, 23, 2, 0, 0, TimeSpan.Zero));
        await _h.Supervision().RunAsync();
        await _h.Extensions.RequestAsync(_id, NewLastDay, "人手不足", _h.UrbanHandler);

        var urban = await _h.SupervisionQueries.GetDepartmentAsync(_h.UrbanHandler);
        var transport = await _h.SupervisionQueries.GetDepartmentAsync(_h.TransportHandler);

        Assert.Equal(_id, Assert.Single(urban.Notices).OpinionId);
        Assert.Equal(ExtensionStatus.Pending, urban.Pending!.Status);
        Assert.Empty(transport.Notices);
        Assert.Empty(transport.Extensions);
    }

    private async Task<Opinion> OpinionAsync()
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.Opinions.AsNoTracking().Include(o => o.Events).SingleAsync(o => o.Id == _id);
    }

    private async Task<DeadlineExtension> PendingAsync()
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.DeadlineExtensions.AsNoTracking().SingleAsync(e => e.OpinionId == _id && e.Status == ExtensionStatus.Pending);
    }

    private async Task<DeadlineExtension> ExtensionAsync(int id)
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.DeadlineExtensions.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private async Task<List<SupervisionNotice>> NoticesAsync()
    {
        await using var db = _h.Database.CreateDbContext();
        return await db.SupervisionNotices.AsNoTracking().ToListAsync();
    }
}
