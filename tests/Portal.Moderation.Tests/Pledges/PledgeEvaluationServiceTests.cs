using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Moderation.Pledges;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.Pledges;

public sealed class PledgeEvaluationServiceTests : IAsyncLifetime
{
    private PledgeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await PledgeTestBed.CreateAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Rate_WithoutARoundForTheYear_IsRefusedInChinese_AndStoresNothing()
    {
        var id = await _bed.PublishedAsync();

        var result = await _bed.Service.RateAsync(id, SatisfactionRating.Satisfied, null, new string('a', 40));

        Assert.Equal((PledgeRatingOutcome.NotOpen, "2026 年度承诺评议尚未开始，暂不接受评价。"), (result.Outcome, result.Message));
        await using var db = _bed.Database.CreateDbContext();
        Assert.Empty(await db.PledgeRatings.ToListAsync());
    }

    [Fact]
    public async Task Rate_WhileTheRoundIsOpen_IsRecorded_AndAfterItClosed_IsRefused()
    {
        var id = await _bed.PublishedAsync();
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);
        await _bed.RateAsync(id, SatisfactionRating.Satisfied);
        await _bed.Evaluation.CloseRoundAsync(2026, _bed.Admin);

        var late = await _bed.Service.RateAsync(id, SatisfactionRating.Dissatisfied, null, new string('b', 40));

        Assert.Equal((PledgeRatingOutcome.NotOpen, "2026 年度承诺评议已经结束，不再接受评价。"), (late.Outcome, late.Message));
        Assert.Equal("2026 年度承诺评议已经结束，不再接受评价。", (await _bed.Queries.GetPublicDetailAsync(id))!.RatingClosedReason);
    }

    [Fact]
    public async Task Rate_ForAnotherYearsOpenRound_IsRefused()
    {
        var id = await _bed.PublishedAsync();
        await _bed.Evaluation.OpenRoundAsync(2025, _bed.Admin);

        var result = await _bed.Service.RateAsync(id, SatisfactionRating.Satisfied, null, new string('a', 40));

        Assert.Equal(PledgeRatingOutcome.NotOpen, result.Outcome);
    }

    [Fact]
    public async Task Entries_WithoutAnOpenRound_AreRefused()
    {
        var id = await _bed.FulfilledAsync();

        var error = await Assert.ThrowsAsync<PledgeStateException>(() => _bed.Evaluation.SelfAssessAsync(id, PledgeGrade.Excellent, "完成", _bed.Owner));

        Assert.Equal("2026 年度承诺评议尚未开始，暂不接受评价。", error.Message);
    }

    [Fact]
    public async Task Rounds_AreOpenedAndClosedOnlyByAnAdministrator()
    {
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Evaluation.OpenRoundAsync(2026, _bed.Leader));
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Evaluation.CloseRoundAsync(2026, _bed.Moderator));
        var twice = await Assert.ThrowsAsync<PledgeStateException>(() => _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin));

        Assert.Equal("2026 年度评议已在进行中。", twice.Message);
        Assert.Equal(PledgeRoundStatus.Open, Assert.Single(await _bed.EvaluationQueries.GetRoundsAsync()).Status);
    }

    [Fact]
    public async Task SelfAssess_ByTheOwner_IsRecorded_ButNotByAnotherMember()
    {
        var id = await _bed.FulfilledAsync();
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Evaluation.SelfAssessAsync(id, PledgeGrade.Excellent, "替他自评", _bed.Peer));
        await Assert.ThrowsAsync<ValidationException>(() => _bed.Evaluation.SelfAssessAsync(id, PledgeGrade.Excellent, "  ", _bed.Owner));
        await _bed.Evaluation.SelfAssessAsync(id, PledgeGrade.Qualified, "  全年走访 12 户。 ", _bed.Owner);

        var entry = Assert.Single((await _bed.EvaluationQueries.GetEvaluationAsync(id)).Entries);
        Assert.Equal((PledgeAssessmentKind.Self, PledgeGrade.Qualified, "全年走访 12 户。", "刘海燕"), (entry.Kind, entry.Grade, entry.Comment, entry.ReviewerName));
    }

    [Fact]
    public async Task PeerReview_BySameBranchMembers_OncePerReviewer_NeverOwnOrOtherBranch()
    {
        var id = await _bed.FulfilledAsync();
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);

        await _bed.Evaluation.PeerReviewAsync(id, PledgeGrade.Excellent, "扎实", _bed.Peer);
        await _bed.Evaluation.PeerReviewAsync(id, PledgeGrade.Qualified, null, _bed.Secretary);
        var twice = await Assert.ThrowsAsync<PledgeStateException>(() => _bed.Evaluation.PeerReviewAsync(id, PledgeGrade.Unqualified, null, _bed.Peer));
        var own = await Assert.ThrowsAsync<PledgeStateException>(() => _bed.Evaluation.PeerReviewAsync(id, PledgeGrade.Excellent, null, _bed.Owner));
        var outsider = await Assert.ThrowsAsync<PledgeStateException>(() => _bed.Evaluation.PeerReviewAsync(id, PledgeGrade.Excellent, null, _bed.Outsider));
        var moderator = await Assert.ThrowsAsync<PledgeStateException>(() => _bed.Evaluation.PeerReviewAsync(id, PledgeGrade.Excellent, null, _bed.Moderator));

        Assert.Equal("您已评议过该承诺，每人只能评议一次。", twice.Message);
        Assert.Equal("不能评议自己的承诺。", own.Message);
        Assert.Equal("只有“城关社区党支部”的党员可以互评该承诺。", outsider.Message);
        Assert.Equal(outsider.Message, moderator.Message);
        Assert.Equal([PledgeGrade.Excellent, PledgeGrade.Qualified], (await _bed.EvaluationQueries.GetEvaluationAsync(id)).Entries.Select(e => e.Grade));
    }

    [Fact]
    public async Task LeaderReview_OnlyByALeader()
    {
        var id = await _bed.FulfilledAsync();
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Evaluation.LeaderReviewAsync(id, PledgeGrade.Excellent, "好", _bed.Moderator));
        await _bed.Evaluation.LeaderReviewAsync(id, PledgeGrade.Excellent, "提前完成。", _bed.Leader);

        Assert.Equal(PledgeAssessmentKind.Leader, Assert.Single((await _bed.EvaluationQueries.GetEvaluationAsync(id)).Entries).Kind);
    }

    [Fact]
    public async Task CloseRound_GradesFulfilledAndOverduePledges_WithTheFormula_AndListsTheOthers()
    {
        var graded = await _bed.FulfilledAsync(title: "为独居老人每月上门一次");
        var pastDue = await _bed.PublishedAsync(due: new DateOnly(2026, 3, 10), title: "清理背街小巷");
        var notDue = await _bed.PublishedAsync(due: new DateOnly(2026, 12, 31), title: "推动加装电梯");
        var empty = await _bed.FulfilledAsync(title: "开设四点半课堂");
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);
        await _bed.Evaluation.SelfAssessAsync(graded, PledgeGrade.Excellent, "完成", _bed.Owner);
        await _bed.Evaluation.PeerReviewAsync(graded, PledgeGrade.Qualified, null, _bed.Peer);
        await _bed.RateAsync(graded, SatisfactionRating.Satisfied, SatisfactionRating.BasicallySatisfied);
        await _bed.Evaluation.LeaderReviewAsync(graded, PledgeGrade.Excellent, "提前完成，群众认可。", _bed.Leader);
        await _bed.RateAsync(pastDue, SatisfactionRating.Dissatisfied);
        _bed.Clock.Advance(TimeSpan.FromDays(20));

        var result = await _bed.Evaluation.CloseRoundAsync(2026, _bed.Admin);

        Assert.Equal(2, result.Evaluated);
        Assert.Equal(2, result.NotGraded.Count);
        Assert.Contains("推动加装电梯（尚未践诺、未到期）", result.NotGraded);
        Assert.Contains("开设四点半课堂（没有任何评议记录）", result.NotGraded);
        await using var db = _bed.Database.CreateDbContext();
        var pledges = await db.Pledges.ToDictionaryAsync(p => p.Id);
        // 0.1×100 + 0.3×80 + 0.4×(100 + 70)/2 + 0.2×100 = 88
        Assert.Equal((PledgeStatus.Evaluated, PledgeGrade.Qualified, 88m, "提前完成，群众认可。"),
            (pledges[graded].Status, pledges[graded].Grade, pledges[graded].Score, pledges[graded].LeaderComment));
        Assert.Equal((PledgeStatus.Evaluated, PledgeGrade.Unqualified, 30m), (pledges[pastDue].Status, pledges[pastDue].Grade, pledges[pastDue].Score));
        Assert.Equal(PledgeStatus.Published, pledges[notDue].Status);
        Assert.Equal(PledgeStatus.Fulfilled, pledges[empty].Status);
        var round = await db.PledgeEvaluationRounds.SingleAsync();
        Assert.Contains("自评 10、互评 30、群众测评 40、领导点评 20", round.Formula, StringComparison.Ordinal);
        var detail = (await _bed.Queries.GetPublicDetailAsync(graded))!;
        Assert.Equal((PledgeGrade.Qualified, 88m, "提前完成，群众认可。"), (detail.Grade, detail.Score, detail.LeaderComment));
    }

    [Fact]
    public async Task CloseRound_UsesTheConfiguredWeightsAndThresholds()
    {
        _bed.PledgeOptions.SelfWeight = 0;
        _bed.PledgeOptions.PeerWeight = 0;
        _bed.PledgeOptions.LeaderWeight = 0;
        _bed.PledgeOptions.ExcellentFrom = 85;
        var id = await _bed.FulfilledAsync();
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);
        await _bed.Evaluation.SelfAssessAsync(id, PledgeGrade.Unqualified, "未完成", _bed.Owner);
        await _bed.RateAsync(id, SatisfactionRating.Satisfied, SatisfactionRating.BasicallySatisfied);

        await _bed.Evaluation.CloseRoundAsync(2026, _bed.Admin);

        await using var db = _bed.Database.CreateDbContext();
        var pledge = await db.Pledges.SingleAsync();
        Assert.Equal((PledgeGrade.Excellent, 85m), (pledge.Grade, pledge.Score));
    }

    [Fact]
    public async Task ReopenedRound_GradesWhatWasLeft_AndKeepsEarlierGrades()
    {
        var first = await _bed.FulfilledAsync(title: "第一项");
        var second = await _bed.FulfilledAsync(title: "第二项");
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);
        await _bed.RateAsync(first, SatisfactionRating.Satisfied);
        await _bed.Evaluation.CloseRoundAsync(2026, _bed.Admin);
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);
        await _bed.RateAsync(second, SatisfactionRating.Dissatisfied);

        var result = await _bed.Evaluation.CloseRoundAsync(2026, _bed.Admin);

        Assert.Equal(1, result.Evaluated);
        await using var db = _bed.Database.CreateDbContext();
        var grades = await db.Pledges.ToDictionaryAsync(p => p.Id, p => p.Grade);
        Assert.Equal((PledgeGrade.Excellent, PledgeGrade.Unqualified), (grades[first], grades[second]));
    }
}
