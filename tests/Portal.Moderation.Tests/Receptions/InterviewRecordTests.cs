using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Opinions;
using Portal.Data.Receptions;
using Portal.Moderation.Receptions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.Receptions;

public sealed class InterviewRecordTests
{
    private static InterviewInput Walkin(string issue = "村道排水沟没有盖板，雨天积水，老人晚上摔倒过。") => new()
    {
        VisitorName = "何玉珍", VisitorPhone = "137-0000-1234", Issue = issue, Instruction = "请交通局会同乡镇核实，先设警示标志。",
    };

    /// <summary>A held session (started a week after the harness start) with one booking.</summary>
    private static async Task<(int SessionId, int AppointmentId)> HeldSessionAsync(ReceptionHarness h)
    {
        var session = await h.SessionAsync(capacity: 5, daysAhead: 7);
        var receipt = await h.Booking.BookAsync(session, "王建华", "13800001234", "幸福路路灯坏了一个多月");
        h.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(3)); // 2026-03-09 13:00 local: after the session
        await h.Admin.MarkHeldAsync(session, ReceptionHarness.Moderator);
        return (session, receipt.AppointmentId);
    }

    [Fact]
    public async Task Record_BeforeTheSessionStarts_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(daysAhead: 7);

        var ex = await Assert.ThrowsAsync<ReceptionStateException>(() => h.Records.RecordAsync(session, Walkin(), ReceptionHarness.Moderator));

        Assert.Contains("尚未开始", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Records.ForSessionAsync(session, ReceptionHarness.Moderator));
    }

    [Fact]
    public async Task Record_WithoutAnIssue_IsRefusedInChinese()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var (session, _) = await HeldSessionAsync(h);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => h.Records.RecordAsync(session, Walkin(issue: "  "), ReceptionHarness.Moderator));

        Assert.Equal("请填写反映的问题。", ex.Message);
    }

    [Fact]
    public async Task Record_ByAHandler_IsDenied()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var (session, _) = await HeldSessionAsync(h);

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => h.Records.RecordAsync(session, Walkin(), ReceptionHarness.Handler));
    }

    [Fact]
    public async Task Record_FromABooking_KeepsTheBooking_AndASecondRecordOfTheSameBookingIsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var (session, appointment) = await HeldSessionAsync(h);
        var input = new InterviewInput { AppointmentId = appointment, VisitorName = "王建华", VisitorPhone = "13800001234", Issue = "幸福路路灯坏了一个多月" };

        await h.Records.RecordAsync(session, input, ReceptionHarness.Moderator);
        var ex = await Assert.ThrowsAsync<ReceptionStateException>(() => h.Records.RecordAsync(session, input, ReceptionHarness.Moderator));

        Assert.Contains("已有接谈记录", ex.Message, StringComparison.Ordinal);
        var record = Assert.Single(await h.Records.ForSessionAsync(session, ReceptionHarness.Moderator));
        Assert.Equal(appointment, record.AppointmentId);
        Assert.Null(record.OpinionId);
    }

    [Fact]
    public async Task RegisterOpinion_EntersTheWorkflow_WithReceptionChannel_AndTheHostAsCaseOwner()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var (session, _) = await HeldSessionAsync(h);
        var recordId = await h.Records.RecordAsync(session, Walkin(), ReceptionHarness.Moderator);

        var receipt = await h.Records.RegisterOpinionAsync(recordId, new InterviewOpinionInput { Kind = OpinionKind.Complaint, Title = "村道排水沟缺盖板" }, ReceptionHarness.Moderator);

        await using var db = h.Db.CreateDbContext();
        var opinion = await db.Opinions.Include(o => o.Events).SingleAsync(o => o.Id == receipt.OpinionId);
        Assert.Equal(OpinionChannel.Reception, opinion.Channel);
        Assert.Equal(OpinionStatus.Registered, opinion.Status);
        Assert.Equal("陈建国（县委副书记）", opinion.CaseOwnerName);
        Assert.StartsWith(HostCaseOwner.IdPrefix, opinion.CaseOwnerId, StringComparison.Ordinal);
        Assert.Equal("何玉珍", opinion.ResidentName);
        Assert.Equal("13700001234", opinion.ResidentContact);
        Assert.Contains("接访领导批示：请交通局会同乡镇核实", opinion.Body, StringComparison.Ordinal);
        Assert.Equal([OpinionAction.Submitted, OpinionAction.CaseOwnerChanged, OpinionAction.Registered], opinion.Events.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Equal("接待日接谈", OpinionText.Of(opinion.Channel));
    }

    [Fact]
    public async Task RegisterOpinion_LinksRecordAndOpinionBothWays()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var (session, _) = await HeldSessionAsync(h);
        var recordId = await h.Records.RecordAsync(session, Walkin(), ReceptionHarness.Moderator);

        var receipt = await h.Records.RegisterOpinionAsync(recordId, new InterviewOpinionInput { Kind = OpinionKind.Suggestion }, ReceptionHarness.Moderator);

        var record = Assert.Single(await h.Records.ForSessionAsync(session, ReceptionHarness.Moderator));
        Assert.Equal(receipt.OpinionId, record.OpinionId);
        Assert.Equal(receipt.TrackingCode, record.OpinionTrackingCode);
        Assert.Equal(OpinionStatus.Registered, record.OpinionStatus);
        var origin = await h.Records.OriginOfAsync(receipt.OpinionId, ReceptionHarness.Moderator);
        Assert.NotNull(origin);
        Assert.Equal(recordId, origin.RecordId);
        Assert.Equal(session, origin.SessionId);
        Assert.Equal("陈建国", origin.HostName);
        Assert.Equal("请交通局会同乡镇核实，先设警示标志。", origin.Instruction);
    }

    [Fact]
    public async Task OriginOf_AnOpinionNotAssignedToTheHandlersDepartment_IsNotShownToTheHandler()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var (session, _) = await HeldSessionAsync(h);
        var recordId = await h.Records.RecordAsync(session, Walkin(), ReceptionHarness.Moderator);
        var receipt = await h.Records.RegisterOpinionAsync(recordId, new InterviewOpinionInput { Kind = OpinionKind.Suggestion }, ReceptionHarness.Moderator);

        Assert.Null(await h.Records.OriginOfAsync(receipt.OpinionId, ReceptionHarness.Handler));
        Assert.NotNull(await h.Records.OriginOfAsync(receipt.OpinionId, ReceptionHarness.Leader));
    }

    [Fact]
    public async Task RegisterOpinion_ForARecordAlreadyRegistered_IsRefused_AndStoresOneOpinion()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var (session, _) = await HeldSessionAsync(h);
        var recordId = await h.Records.RecordAsync(session, Walkin(), ReceptionHarness.Moderator);
        var first = await h.Records.RegisterOpinionAsync(recordId, new InterviewOpinionInput { Kind = OpinionKind.Suggestion }, ReceptionHarness.Moderator);

        var ex = await Assert.ThrowsAsync<ReceptionStateException>(() =>
            h.Records.RegisterOpinionAsync(recordId, new InterviewOpinionInput { Kind = OpinionKind.Suggestion }, ReceptionHarness.Moderator));

        Assert.Contains(TrackingCodes.Format(first.TrackingCode), ex.Message, StringComparison.Ordinal);
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(1, await db.Opinions.CountAsync());
    }

    [Fact]
    public async Task RegisterOpinion_ForAComplaintWithoutPhone_IsRefused_AndLeavesTheRecordUnlinked()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var (session, _) = await HeldSessionAsync(h);
        var input = Walkin();
        input.VisitorPhone = null;
        var recordId = await h.Records.RecordAsync(session, input, ReceptionHarness.Moderator);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            h.Records.RegisterOpinionAsync(recordId, new InterviewOpinionInput { Kind = OpinionKind.Complaint }, ReceptionHarness.Moderator));

        Assert.Contains("联系电话", ex.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await h.Records.ForSessionAsync(session, ReceptionHarness.Moderator)).OpinionId);
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(0, await db.Opinions.CountAsync());
    }

    [Fact]
    public async Task DefaultTitle_IsTheFirstLineCutToThirtyCharacters()
    {
        Assert.Equal("路灯坏了", InterviewRecordService.DefaultTitle("路灯坏了\n已经一个月"));
        Assert.Equal(new string('路', 30) + "…", InterviewRecordService.DefaultTitle(new string('路', 40)));
        await Task.CompletedTask;
    }
}
