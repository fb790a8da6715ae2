using Portal.Data.Pledges;
using static Portal.Data.Tests.Pledges.PledgeScenario;

namespace Portal.Data.Tests.Pledges;

public sealed class PledgeEvaluationEntryTests
{
    [Theory]
    [InlineData(PledgeStatus.Published)]
    [InlineData(PledgeStatus.Fulfilled)]
    [InlineData(PledgeStatus.Overdue)]
    public void SelfAssess_ByTheOwner_AddsTheEntryAndHistoryWithoutAVersionBump(PledgeStatus status)
    {
        var pledge = InState(status);
        var version = pledge.Version;

        var entry = pledge.SelfAssess(PledgeGrade.Qualified, "已走访 12 户。", Owner, StepTime);

        Assert.Equal((PledgeAssessmentKind.Self, PledgeGrade.Qualified, "刘海燕"), (entry.Kind, entry.Grade, entry.ReviewerName));
        Assert.Equal((PledgeAction.SelfAssessed, status, "合格"), (pledge.Events[^1].Action, pledge.Events[^1].ToStatus, pledge.Events[^1].Note));
        Assert.Equal(version, pledge.Version);
        Assert.Equal(status, pledge.Status);
    }

    [Fact]
    public void SelfAssess_BySomeoneOtherThanTheOwner_Throws()
    {
        var error = Assert.Throws<PledgeStateException>(() => InState(PledgeStatus.Fulfilled).SelfAssess(PledgeGrade.Excellent, "很好", Peer, StepTime));

        Assert.Equal("只有承诺人本人可以填写自评。", error.Message);
    }

    [Fact]
    public void SelfAssess_Twice_Throws()
    {
        var pledge = InState(PledgeStatus.Fulfilled);
        pledge.SelfAssess(PledgeGrade.Qualified, "完成", Owner, StepTime);

        var error = Assert.Throws<PledgeStateException>(() => pledge.SelfAssess(PledgeGrade.Excellent, "再评一次", Owner, StepTime));

        Assert.Equal("该承诺已有自评，不能重复提交。", error.Message);
        Assert.Single(pledge.Assessments);
    }

    [Fact]
    public void SelfAssess_WithoutText_Throws() =>
        Assert.Throws<ArgumentException>(() => InState(PledgeStatus.Fulfilled).SelfAssess(PledgeGrade.Qualified, "  ", Owner, StepTime));

    [Fact]
    public void PeerReview_OfTheReviewersOwnPledge_Throws()
    {
        var error = Assert.Throws<PledgeStateException>(() => InState(PledgeStatus.Fulfilled).PeerReview(PledgeGrade.Excellent, null, Owner, Branch, StepTime));

        Assert.Equal("不能评议自己的承诺。", error.Message);
    }

    [Theory]
    [InlineData("卫健局机关党支部")]
    [InlineData(null)]
    public void PeerReview_ByAMemberOfAnotherBranchOrNone_Throws(string? reviewerBranch)
    {
        var error = Assert.Throws<PledgeStateException>(() => InState(PledgeStatus.Fulfilled).PeerReview(PledgeGrade.Qualified, null, Peer, reviewerBranch, StepTime));

        Assert.Equal("只有“城关社区党支部”的党员可以互评该承诺。", error.Message);
    }

    [Fact]
    public void PeerReview_OncePerReviewer_ButByEveryMember()
    {
        var pledge = InState(PledgeStatus.Fulfilled);
        pledge.PeerReview(PledgeGrade.Qualified, "按期完成", Peer, Branch, StepTime);
        pledge.PeerReview(PledgeGrade.Excellent, null, new("u-peer-2", "周红"), Branch, StepTime);

        var error = Assert.Throws<PledgeStateException>(() => pledge.PeerReview(PledgeGrade.Unqualified, null, Peer, Branch, StepTime));

        Assert.Equal("您已评议过该承诺，每人只能评议一次。", error.Message);
        Assert.Equal(2, pledge.Assessments.Count(a => a.Kind == PledgeAssessmentKind.Peer));
    }

    [Fact]
    public void LeaderReview_OncePerPledge()
    {
        var pledge = InState(PledgeStatus.Overdue);
        pledge.LeaderReview(PledgeGrade.BasicallyQualified, "进度偏慢。", Leader, StepTime);

        var error = Assert.Throws<PledgeStateException>(() => pledge.LeaderReview(PledgeGrade.Qualified, "改评", new("u-leader-2", "钱副书记"), StepTime));

        Assert.Equal("该承诺已有领导点评，不能重复提交。", error.Message);
    }

    [Theory]
    [InlineData(PledgeStatus.Proposed)]
    [InlineData(PledgeStatus.Evaluated)]
    public void Entries_OnAProposedOrEvaluatedPledge_Throw(PledgeStatus status)
    {
        var pledge = InState(status);

        Assert.Throws<PledgeStateException>(() => pledge.SelfAssess(PledgeGrade.Qualified, "完成", Owner, StepTime));
        Assert.Throws<PledgeStateException>(() => pledge.PeerReview(PledgeGrade.Qualified, null, Peer, Branch, StepTime));
        Assert.Throws<PledgeStateException>(() => pledge.LeaderReview(PledgeGrade.Qualified, "好", new("u-leader-2", "钱副书记"), StepTime));
    }

    [Fact]
    public void Round_ClosesOnce_AndReopens()
    {
        var round = PledgeEvaluationRound.Open(2026, Leader, Start);
        round.Close("权重……", Leader, StepTime);

        var twice = Assert.Throws<PledgeStateException>(() => round.Close("权重……", Leader, StepTime));
        round.Reopen(Leader, StepTime.AddDays(1));

        Assert.Equal("2026 年度评议已经结束。", twice.Message);
        Assert.Equal((PledgeRoundStatus.Open, null, 2), (round.Status, round.ClosedAt, round.Version));
        Assert.Throws<PledgeStateException>(() => round.Reopen(Leader, StepTime));
    }

    [Fact]
    public void Round_ForAnImpossibleYear_Throws() =>
        Assert.Throws<PledgeStateException>(() => PledgeEvaluationRound.Open(1999, Leader, Start));
}
