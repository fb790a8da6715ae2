using Portal.Data.Opinions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Opinions;

/// <summary>What a resident sees with a tracking code: <see cref="OpinionQueries.GetTrackingAsync"/>.</summary>
public sealed class TrackingQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = WorkflowHarness.Start;

    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABC")]
    [InlineData("K7QMX-3PA9")]
    [InlineData("K7QMX-3PA9RR")]
    [InlineData("00000-11111")]
    [InlineData("K7QMX-3PA9R' OR 1=1 --")]
    [InlineData("K 7 Q M X - 3 P A 9 R K 7 Q M X - 3 P A 9 R")]
    public async Task GetTrackingAsync_WithAMalformedCode_ReturnsNull(string? code)
    {
        await _h.OpinionInAsync(OpinionStatus.Published);

        Assert.Null(await _h.Queries.GetTrackingAsync(code));
    }

    [Fact]
    public async Task GetTrackingAsync_WithAnUnknownCode_ReturnsNull()
    {
        await _h.OpinionInAsync(OpinionStatus.Published);

        Assert.Null(await _h.Queries.GetTrackingAsync("ZZZZZ-ZZZZZ"));
    }

    [Fact]
    public async Task GetTrackingAsync_AcceptsTheCodeInLowerCaseWithDashesAndSpaces()
    {
        var receipt = await _h.SubmitAsync();
        var code = receipt.TrackingCode;
        var variants = new[]
        {
            code,
            code.ToLowerInvariant(),
            TrackingCodes.Format(code),
            TrackingCodes.Format(code).ToLowerInvariant(),
            $"  {code[..5]} {code[5..]}  ",
            $"{code[..5]}－{code[5..]}",
            $"{code[..3]}-{code[3..7]}-{code[7..]}".ToLowerInvariant(),
        };

        foreach (var variant in variants)
        {
            var view = await _h.Queries.GetTrackingAsync(variant);
            Assert.NotNull(view);
            Assert.Equal(TrackingCodes.Format(code), view.TrackingCode);
        }
    }

    [Fact]
    public async Task GetTrackingAsync_ForANewOpinion_ShowsItIsWaitingToBeRegistered()
    {
        var receipt = await _h.SubmitAsync(WorkflowHarness.Input("公交站台破损", OpinionKind.Complaint));

        var view = await _h.Queries.GetTrackingAsync(receipt.TrackingCode);

        Assert.NotNull(view);
        Assert.Equal("公交站台破损", view.Title);
        Assert.Equal(OpinionKind.Complaint, view.Kind);
        Assert.Equal(Start.UtcDateTime, view.SubmittedAt);
        Assert.Equal(OpinionStatus.Submitted, view.Status);
        Assert.Equal("已提交，等待受理", view.StatusText);
        Assert.Null(view.DepartmentName);
        Assert.Null(view.Deadline);
        Assert.False(view.IsOverdue);
        Assert.False(view.IsMerged);
        Assert.Null(view.RejectionReason);
        Assert.Equal([new TimelineEntry(Start.UtcDateTime, "意见已提交")], view.Timeline);
        Assert.Empty(view.Replies);
        Assert.False(view.CanRate);
        Assert.Empty(view.Ratings);
    }

    [Fact]
    public async Task GetTrackingAsync_Timeline_IsInPublicWording_WithoutInternalNotesOrStaffNames()
    {
        var receipt = await _h.SubmitAsync();
        var id = receipt.OpinionId;
        var step = TimeSpan.FromHours(1);
        _h.Clock.Advance(step);
        await _h.RegisterAsync(id);
        _h.Clock.Advance(step);
        await _h.AssignAsync(id, _h.TransportId, "内部提示：请王科长亲自督办");
        _h.Clock.Advance(step);
        await _h.AcceptAsync(id);
        _h.Clock.Advance(step);
        await _h.ReturnAsync(id, "内部原因：经核实不归我局管辖");
        _h.Clock.Advance(step);
        await _h.AssignAsync(id, _h.UrbanId, "改派住建局，注意该居民多次来访");
        _h.Clock.Advance(step);
        await _h.AcceptAsync(id);
        _h.Clock.Advance(step);
        await _h.CompleteAsync(id);
        _h.Clock.Advance(step);
        await _h.Workflow.RequestRevisionAsync(id, await _h.VersionAsync(id), "答复过于简单，请补充维修时间", _h.Moderator);
        _h.Clock.Advance(step);
        await _h.CompleteAsync(id);
        _h.Clock.Advance(step);
        await _h.PublishAsync(id);

        var view = await _h.Queries.GetTrackingAsync(receipt.TrackingCode);

        Assert.NotNull(view);
        Assert.Equal(
            [
                "意见已提交", "已受理登记", "已交办承办部门", "承办部门已签收，正在办理", "正在重新确定承办部门",
                "已交办承办部门", "承办部门已签收，正在办理", "承办部门已办结，答复审核中", "答复正在完善",
                "承办部门已办结，答复审核中", "答复已公开",
            ],
            view.Timeline.Select(t => t.Text));
        Assert.Equal(Enumerable.Range(0, 11).Select(h => (Start + TimeSpan.FromHours(h)).UtcDateTime), view.Timeline.Select(t => t.OccurredAt));
        foreach (var secret in new[] { "王科长", "督办", "不归我局", "改派", "多次来访", "过于简单", "审核员甲", "承办人乙", "承办人丙", "张局长" })
            Assert.DoesNotContain(view.Timeline, t => t.Text.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTrackingAsync_BeforePublication_ShowsNoReply()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.Completed);

        var view = await _h.Queries.GetTrackingAsync(await _h.TrackingCodeAsync(id));

        Assert.NotNull(view);
        Assert.Equal("已办结，答复审核中", view.StatusText);
        Assert.Equal("住建局", view.DepartmentName);
        Assert.Empty(view.Replies);
        Assert.False(view.CanRate);
    }

    [Fact]
    public async Task GetTrackingAsync_ForAnAssignedOpinionPastItsDeadline_ShowsItOverdue()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);
        var code = await _h.TrackingCodeAsync(id);
        var deadline = new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc);

        var onTime = await _h.Queries.GetTrackingAsync(code);
        _h.At(new DateTimeOffset(deadline).AddSeconds(1));
        var late = await _h.Queries.GetTrackingAsync(code);

        Assert.Equal(deadline, onTime!.Deadline);
        Assert.False(onTime.IsOverdue);
        Assert.Equal("承办部门正在办理", late!.StatusText);
        Assert.True(late.IsOverdue);
    }

    [Fact]
    public async Task GetTrackingAsync_ForARejectedOpinion_ShowsTheReason()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.Rejected);

        var view = await _h.Queries.GetTrackingAsync(await _h.TrackingCodeAsync(id));

        Assert.NotNull(view);
        Assert.Equal(OpinionStatus.Rejected, view.Status);
        Assert.Equal("不予受理", view.StatusText);
        Assert.Equal("内容与本平台无关", view.RejectionReason);
        Assert.Equal("不予受理：内容与本平台无关", view.Timeline[^1].Text);
        Assert.Null(view.DepartmentName);
        Assert.False(view.CanRate);
    }

    [Fact]
    public async Task GetTrackingAsync_ForAMergedDuplicate_ShowsTheOriginalsProgressAndReply_WithItsOwnTitleAndTimeline()
    {
        var original = (await _h.SubmitAsync()).OpinionId;
        var duplicate = await _h.SubmitAsync(WorkflowHarness.Input("3号楼路灯又坏了"));
        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.MergeAsync(duplicate.OpinionId, original);
        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.StartAsync(original, _h.UrbanId);

        var whileInProgress = await _h.Queries.GetTrackingAsync(duplicate.TrackingCode);
        _h.Clock.Advance(TimeSpan.FromDays(1));
        await _h.CompleteAsync(original, WorkflowHarness.Draft(reply: "路灯已全部修复。"));
        await _h.PublishAsync(original);
        var view = await _h.Queries.GetTrackingAsync(duplicate.TrackingCode);

        Assert.NotNull(whileInProgress);
        Assert.Equal(OpinionStatus.InProgress, whileInProgress.Status);
        Assert.Equal("承办部门正在办理", whileInProgress.StatusText);
        Assert.Equal("住建局", whileInProgress.DepartmentName);
        Assert.Empty(whileInProgress.Replies);

        Assert.NotNull(view);
        Assert.True(view.IsMerged);
        Assert.Equal(TrackingCodes.Format(duplicate.TrackingCode), view.TrackingCode);
        Assert.Equal("3号楼路灯又坏了", view.Title);
        Assert.Equal(OpinionStatus.Published, view.Status);
        Assert.Equal("已答复", view.StatusText);
        Assert.Equal("住建局", view.DepartmentName);
        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), view.Deadline);
        var reply = Assert.Single(view.Replies);
        Assert.Equal("路灯已全部修复。", reply.Reply);
        Assert.Equal("住建局", reply.DepartmentName);
        Assert.Equal(["意见已提交", "与同类意见合并办理，答复将一并公开"], view.Timeline.Select(t => t.Text));
        Assert.False(view.CanRate);
        Assert.Empty(view.Ratings);

        var originalView = await _h.Queries.GetTrackingAsync(await _h.TrackingCodeAsync(original));
        Assert.False(originalView!.IsMerged);
        Assert.Equal("小区路灯不亮", originalView.Title);
        Assert.Equal("答复已公开", originalView.Timeline[^1].Text);
    }

    [Fact]
    public async Task GetTrackingAsync_CanRate_OnlyWhenPublishedAndNotYetRatedThisRound()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.Completed);
        var code = await _h.TrackingCodeAsync(id);
        Assert.False((await _h.Queries.GetTrackingAsync(code))!.CanRate);

        await _h.PublishAsync(id);
        Assert.True((await _h.Queries.GetTrackingAsync(code))!.CanRate);

        _h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(RatingOutcome.Reopened, await _h.RateAsync(id, SatisfactionRating.Dissatisfied, "路灯又坏了"));
        var reopened = await _h.Queries.GetTrackingAsync(code);
        Assert.False(reopened!.CanRate);
        Assert.Equal(OpinionStatus.InProgress, reopened.Status);
        Assert.Equal(["您的评价：不满意", "因评价不满意，重新办理"], reopened.Timeline.TakeLast(2).Select(t => t.Text));

        _h.Clock.Advance(TimeSpan.FromDays(1));
        await _h.CompleteAsync(id, WorkflowHarness.Draft(reply: "已更换整条线路。"));
        await _h.PublishAsync(id);
        var republished = await _h.Queries.GetTrackingAsync(code);
        Assert.True(republished!.CanRate);
        Assert.Equal(["路灯已修复，感谢您的监督。", "已更换整条线路。"], republished.Replies.Select(r => r.Reply));

        _h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(RatingOutcome.Recorded, await _h.RateAsync(id, SatisfactionRating.Satisfied));
        var rated = await _h.Queries.GetTrackingAsync(code);
        Assert.False(rated!.CanRate);
        Assert.Equal(
            [(1, SatisfactionRating.Dissatisfied, (string?)"路灯又坏了"), (2, SatisfactionRating.Satisfied, null)],
            rated.Ratings.Select(r => (r.Round, r.Rating, r.Comment)));
    }
}
