using Portal.Data.Opinions;
using Portal.Data.Pledges;
using static Portal.Data.Tests.Pledges.PledgeScenario;

namespace Portal.Data.Tests.Pledges;

public sealed class PledgeTransitionTests
{
    public static TheoryData<PledgeStatus> AllStatuses => new(Enum.GetValues<PledgeStatus>());

    [Fact]
    public void Propose_StartsAsProposed_WithOneEvent()
    {
        var pledge = Pledge.Propose(Draft(), Secretary, Start);

        Assert.Equal(PledgeStatus.Proposed, pledge.Status);
        Assert.Equal(0, pledge.Version);
        Assert.Equal(Start, pledge.CreatedAt);
        Assert.False(pledge.IsPublic);
        var proposed = Assert.Single(pledge.Events);
        Assert.Equal(PledgeAction.Proposed, proposed.Action);
        Assert.Null(proposed.FromStatus);
        Assert.Equal("王建华", proposed.ActorName);
    }

    [Theory]
    [InlineData("", "内容")]
    [InlineData("标题", "  ")]
    public void Propose_WithBlankText_Throws(string title, string content) =>
        Assert.Throws<ArgumentException>(() => Pledge.Propose(Draft() with { Title = title, Content = content }, Secretary, Start));

    [Fact]
    public void Propose_WithDueDateBeforeTheYear_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Pledge.Propose(Draft() with { DueDate = new DateOnly(2025, 12, 31) }, Secretary, Start));

    [Fact]
    public void Publish_WhenProposed_MovesToPublishedAndAppendsEvent()
    {
        var pledge = InState(PledgeStatus.Proposed);

        pledge.Publish(Secretary, StepTime);

        Assert.Equal(PledgeStatus.Published, pledge.Status);
        Assert.Equal(StepTime, pledge.PublishedAt);
        Assert.Equal(1, pledge.Version);
        var last = pledge.Events[^1];
        Assert.Equal((PledgeAction.Published, PledgeStatus.Proposed, PledgeStatus.Published), (last.Action, last.FromStatus!.Value, last.ToStatus));
    }

    [Theory]
    [InlineData(PledgeStatus.Published)]
    [InlineData(PledgeStatus.Fulfilled)]
    [InlineData(PledgeStatus.Overdue)]
    [InlineData(PledgeStatus.Evaluated)]
    public void Publish_WhenNotProposed_ThrowsWithChineseMessageAndChangesNothing(PledgeStatus status)
    {
        var pledge = InState(status);
        var events = pledge.Events.Count;

        var error = Assert.Throws<PledgeStateException>(() => pledge.Publish(Secretary, StepTime));

        Assert.Equal($"承诺“为独居老人每月上门一次”当前状态为“{PledgeText.Of(status)}”，不能执行“公示”。", error.Message);
        Assert.Equal(status, pledge.Status);
        Assert.Equal(events, pledge.Events.Count);
    }

    [Theory]
    [InlineData(PledgeStatus.Published)]
    [InlineData(PledgeStatus.Overdue)]
    public void AddProgress_WhenOpen_AddsEntryAndEvent(PledgeStatus status)
    {
        var pledge = InState(status);
        var version = pledge.Version;

        pledge.AddProgress(new DateOnly(2026, 3, 15), "走访 12 户，修好两处漏水。", Secretary, StepTime);

        var entry = Assert.Single(pledge.Progress);
        Assert.Equal((new DateOnly(2026, 3, 15), "走访 12 户，修好两处漏水。", "王建华"), (entry.Date, entry.Text, entry.AuthorName));
        Assert.Equal(PledgeAction.ProgressAdded, pledge.Events[^1].Action);
        Assert.Equal(status, pledge.Status);
        Assert.Equal(version + 1, pledge.Version);
    }

    [Theory]
    [InlineData(PledgeStatus.Proposed)]
    [InlineData(PledgeStatus.Fulfilled)]
    [InlineData(PledgeStatus.Evaluated)]
    public void AddProgress_WhenNotOpen_Throws(PledgeStatus status)
    {
        var pledge = InState(status);

        var error = Assert.Throws<PledgeStateException>(() => pledge.AddProgress(new DateOnly(2026, 3, 15), "进展", Secretary, StepTime));

        Assert.Contains("不能执行“践诺进展”", error.Message, StringComparison.Ordinal);
        Assert.Empty(pledge.Progress);
    }

    [Fact]
    public void MarkFulfilled_WhenPublished_MovesToFulfilled()
    {
        var pledge = InState(PledgeStatus.Published);

        pledge.MarkFulfilled("12 户全部走访", Secretary, StepTime);

        Assert.Equal(PledgeStatus.Fulfilled, pledge.Status);
        Assert.Equal(StepTime, pledge.FulfilledAt);
        Assert.Equal("12 户全部走访", pledge.Events[^1].Note);
    }

    [Fact]
    public void MarkFulfilled_WhenOverdue_IsRecordedAsLate()
    {
        var pledge = InState(PledgeStatus.Overdue);

        pledge.MarkFulfilled(null, Secretary, StepTime.AddDays(1));

        Assert.Equal(PledgeStatus.Fulfilled, pledge.Status);
        Assert.Equal("逾期后完成", pledge.Events[^1].Note);
        Assert.Equal(PledgeStatus.Overdue, pledge.Events[^1].FromStatus);
    }

    [Theory]
    [InlineData(PledgeStatus.Proposed)]
    [InlineData(PledgeStatus.Fulfilled)]
    [InlineData(PledgeStatus.Evaluated)]
    public void MarkFulfilled_WhenNotOpen_Throws(PledgeStatus status)
    {
        var pledge = InState(status);

        var error = Assert.Throws<PledgeStateException>(() => pledge.MarkFulfilled(null, Secretary, StepTime));

        Assert.Contains("不能执行“践诺完成”", error.Message, StringComparison.Ordinal);
        Assert.Equal(status, pledge.Status);
    }

    [Fact]
    public void MarkOverdue_AfterTheDueDay_MovesToOverdueBySystem()
    {
        var pledge = InState(PledgeStatus.Published);

        pledge.MarkOverdue(Due.AddDays(1), StepTime);

        Assert.Equal(PledgeStatus.Overdue, pledge.Status);
        var last = pledge.Events[^1];
        Assert.Equal((PledgeAction.MarkedOverdue, "系统", "完成时限 2026-06-30"), (last.Action, last.ActorName, last.Note));
    }

    [Fact]
    public void MarkOverdue_OnTheDueDayItself_ThrowsWithChineseMessage()
    {
        var pledge = InState(PledgeStatus.Published);

        var error = Assert.Throws<PledgeStateException>(() => pledge.MarkOverdue(Due, StepTime));

        Assert.Equal("承诺“为独居老人每月上门一次”的完成时限为 2026-06-30，尚未到期，不能标记为逾期。", error.Message);
        Assert.Equal(PledgeStatus.Published, pledge.Status);
    }

    [Theory]
    [InlineData(PledgeStatus.Proposed)]
    [InlineData(PledgeStatus.Fulfilled)]
    [InlineData(PledgeStatus.Overdue)]
    [InlineData(PledgeStatus.Evaluated)]
    public void MarkOverdue_WhenNotPublished_Throws(PledgeStatus status)
    {
        var pledge = InState(status);

        var error = Assert.Throws<PledgeStateException>(() => pledge.MarkOverdue(Due.AddDays(30), StepTime));

        Assert.Contains("不能执行“逾期未践诺”", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PledgeStatus.Fulfilled)]
    [InlineData(PledgeStatus.Overdue)]
    public void Evaluate_WhenFulfilledOrOverdue_RecordsGradeScoreAndTheLeadersComment(PledgeStatus status)
    {
        var pledge = InState(status);
        pledge.LeaderReview(PledgeGrade.BasicallyQualified, "完成较好，进度偏慢。", Leader, StepTime.AddDays(1));

        pledge.Evaluate(PledgeGrade.BasicallyQualified, 64.5m, Secretary, StepTime.AddDays(2));

        Assert.Equal(PledgeStatus.Evaluated, pledge.Status);
        Assert.Equal((PledgeGrade.BasicallyQualified, 64.5m), (pledge.Grade, pledge.Score));
        Assert.Equal("完成较好，进度偏慢。", pledge.LeaderComment);
        Assert.Equal(("王建华", "基本合格（综合得分 64.5）"), (pledge.Events[^1].ActorName, pledge.Events[^1].Note));
    }

    [Theory]
    [InlineData(PledgeStatus.Proposed)]
    [InlineData(PledgeStatus.Published)]
    [InlineData(PledgeStatus.Evaluated)]
    public void Evaluate_WhenNotFulfilledOrOverdue_Throws(PledgeStatus status)
    {
        var pledge = InState(status);

        var error = Assert.Throws<PledgeStateException>(() => pledge.Evaluate(PledgeGrade.Qualified, 80m, Leader, StepTime));

        Assert.Contains("不能执行“评议”", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    public void Evaluate_WithAScoreOutside0To100_Throws(double score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InState(PledgeStatus.Fulfilled).Evaluate(PledgeGrade.Qualified, (decimal)score, Leader, StepTime));

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void EveryTransition_AppendsAndNeverRewritesHistory(PledgeStatus status)
    {
        var pledge = InState(status);

        Assert.Equal(PledgeAction.Proposed, pledge.Events[0].Action);
        Assert.Equal(status, pledge.Events[^1].ToStatus);
        // Evaluation entries are history but not changes of the pledge: they do not bump the version.
        var changes = pledge.Events.Count(e => e.Action is not (PledgeAction.SelfAssessed or PledgeAction.PeerReviewed or PledgeAction.LeaderReviewed));
        Assert.Equal(changes - 1, pledge.Version);
    }

    [Fact]
    public void Rate_WhenProposed_Throws()
    {
        var error = Assert.Throws<PledgeStateException>(() => InState(PledgeStatus.Proposed).Rate(SatisfactionRating.Satisfied, null, DeviceA, StepTime));

        Assert.Equal("该承诺尚未公示，不能评价。", error.Message);
    }

    [Fact]
    public void Rate_TwiceFromTheSameDevice_IsRefused_ButAnotherDeviceMayRate()
    {
        var pledge = InState(PledgeStatus.Published);
        var version = pledge.Version;
        pledge.Rate(SatisfactionRating.Satisfied, "很好", DeviceA, StepTime);

        var error = Assert.Throws<PledgeStateException>(() => pledge.Rate(SatisfactionRating.Dissatisfied, null, DeviceA, StepTime));
        pledge.Rate(SatisfactionRating.BasicallySatisfied, null, DeviceB, StepTime);

        Assert.Equal("您已评价过该承诺，每台设备只能评价一次，感谢您的参与。", error.Message);
        Assert.Equal(2, pledge.Ratings.Count);
        Assert.Equal(version, pledge.Version);
    }

    [Fact]
    public void Rate_WithAMalformedDeviceHash_Throws() =>
        Assert.Throws<ArgumentException>(() => InState(PledgeStatus.Published).Rate(SatisfactionRating.Satisfied, null, "token", StepTime));
}
