using Portal.Data.Opinions;
using static Portal.Data.Tests.Opinions.OpinionScenario;

namespace Portal.Data.Tests.Opinions;

public sealed class OpinionTransitionTests
{
    [Fact]
    public void Submit_StartsAsSubmitted_WithOneEventWithoutFromStatus()
    {
        var opinion = Opinion.Submit(Submission(), Code, ActorRef.Resident, Start);

        Assert.Equal(OpinionStatus.Submitted, opinion.Status);
        Assert.Equal(0, opinion.Version);
        Assert.Equal(Code, opinion.TrackingCode);
        Assert.Equal("李秀兰", opinion.ResidentName);
        Assert.Equal(Start, opinion.CreatedAt);
        Assert.Equal(Start, opinion.UpdatedAt);
        Assert.Equal(1, opinion.Round);
        var submitted = Assert.Single(opinion.Events);
        Assert.Equal(OpinionAction.Submitted, submitted.Action);
        Assert.Null(submitted.FromStatus);
        Assert.Equal(OpinionStatus.Submitted, submitted.ToStatus);
        Assert.Null(submitted.ActorUserId);
        Assert.Equal("群众", submitted.ActorName);
    }

    [Theory]
    [InlineData("", "正文内容")]
    [InlineData("   ", "正文内容")]
    [InlineData("标题", "")]
    [InlineData("标题", " \n ")]
    public void Submit_WithBlankTitleOrBody_Throws(string title, string body)
    {
        var submission = Submission() with { Title = title, Body = body };

        Assert.Throws<ArgumentException>(() => Opinion.Submit(submission, Code, ActorRef.Resident, Start));
    }

    [Fact]
    public void Submit_WithTooLongTitleOrBody_Throws()
    {
        var longTitle = Submission() with { Title = new string('路', Opinion.MaxTitleLength + 1) };
        var longBody = Submission() with { Body = new string('灯', Opinion.MaxBodyLength + 1) };

        Assert.Throws<ArgumentException>(() => Opinion.Submit(longTitle, Code, ActorRef.Resident, Start));
        Assert.Throws<ArgumentException>(() => Opinion.Submit(longBody, Code, ActorRef.Resident, Start));
    }

    [Fact]
    public void Submit_WithoutTrackingCode_Throws()
    {
        Assert.Throws<ArgumentException>(() => Opinion.Submit(Submission(), " ", ActorRef.Resident, Start));
    }

    [Fact]
    public void Register_SetsRegisteredAtAndMakesTheModeratorCaseOwner()
    {
        var opinion = Submitted();

        opinion.Register(Moderator, StepTime);

        Assert.Equal(OpinionStatus.Registered, opinion.Status);
        Assert.Equal(StepTime, opinion.RegisteredAt);
        Assert.Equal(Moderator.UserId, opinion.CaseOwnerId);
        Assert.Equal(Moderator.Name, opinion.CaseOwnerName);
    }

    [Fact]
    public void Register_BySystem_LeavesCaseOwnerEmpty()
    {
        var opinion = Submitted();

        opinion.Register(ActorRef.System, StepTime);

        Assert.Null(opinion.CaseOwnerId);
        Assert.Null(opinion.CaseOwnerName);
        Assert.Equal("系统", opinion.Events[^1].ActorName);
    }

    [Theory]
    [InlineData(OpinionStatus.Submitted)]
    [InlineData(OpinionStatus.Registered)]
    public void Reject_FromSubmittedOrRegistered_StoresReason(OpinionStatus from)
    {
        var opinion = InState(from);

        opinion.Reject(RejectReason, Moderator, StepTime);

        Assert.Equal(OpinionStatus.Rejected, opinion.Status);
        Assert.Equal(RejectReason, opinion.RejectionReason);
        Assert.Equal(RejectReason, opinion.Events[^1].Note);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Reject_WithBlankReason_ThrowsAndChangesNothing(string reason)
    {
        var opinion = Submitted();

        Assert.Throws<ArgumentException>(() => opinion.Reject(reason, Moderator, StepTime));

        AssertUnchangedSubmitted(opinion);
        Assert.Null(opinion.RejectionReason);
    }

    [Fact]
    public void Reject_WithTooLongReason_ThrowsAndChangesNothing()
    {
        var opinion = Submitted();

        Assert.Throws<ArgumentException>(() => opinion.Reject(new string('理', Opinion.MaxReasonLength + 1), Moderator, StepTime));

        AssertUnchangedSubmitted(opinion);
    }

    [Theory]
    [InlineData(OpinionStatus.Submitted)]
    [InlineData(OpinionStatus.Registered)]
    public void MergeInto_FromSubmittedOrRegistered_PointsAtTheOriginal(OpinionStatus from)
    {
        var opinion = InState(from);
        var original = Original(id: 42);

        opinion.MergeInto(original, Moderator, StepTime);

        Assert.Equal(OpinionStatus.Merged, opinion.Status);
        Assert.Equal(42, opinion.MergedIntoId);
        Assert.Equal($"合并到 {TrackingCodes.Format(OriginalCode)}", opinion.Events[^1].Note);
        Assert.Equal(OpinionStatus.Registered, original.Status);
    }

    [Fact]
    public void MergeInto_Itself_ThrowsAndChangesNothing()
    {
        var opinion = Submitted();

        Assert.Throws<OpinionStateException>(() => opinion.MergeInto(opinion, Moderator, StepTime));

        AssertUnchangedSubmitted(opinion);
        Assert.Null(opinion.MergedIntoId);
    }

    [Theory]
    [InlineData(OpinionStatus.Rejected)]
    [InlineData(OpinionStatus.Merged)]
    public void MergeInto_RejectedOrMergedOriginal_ThrowsAndChangesNothing(OpinionStatus originalStatus)
    {
        var original = WithId(InState(originalStatus), 7);
        var opinion = Submitted(OriginalCode, id: 8);

        Assert.Throws<OpinionStateException>(() => opinion.MergeInto(original, Moderator, StepTime));

        AssertUnchangedSubmitted(opinion);
    }

    [Fact]
    public void AssignTo_SetsDepartmentDeadlineAndAssignedAt()
    {
        var opinion = InState(OpinionStatus.Registered);
        var department = NewDepartment(id: 5);

        opinion.AssignTo(department, Deadline, Moderator, StepTime);

        Assert.Equal(OpinionStatus.Assigned, opinion.Status);
        Assert.Equal(5, opinion.DepartmentId);
        Assert.Same(department, opinion.Department);
        Assert.Equal(Deadline, opinion.Deadline);
        Assert.Equal(StepTime, opinion.AssignedAt);
        Assert.Equal("交办 住建局", opinion.Events[^1].Note);
    }

    [Fact]
    public void AssignTo_WithNote_RecordsTheNote()
    {
        var opinion = InState(OpinionStatus.Registered);

        opinion.AssignTo(NewDepartment(), Deadline, Moderator, StepTime, "请于两周内答复");

        Assert.Equal("请于两周内答复", opinion.Events[^1].Note);
    }

    [Fact]
    public void AssignTo_WithVeryLongNote_TruncatesTheHistoryNote()
    {
        var opinion = InState(OpinionStatus.Registered);

        opinion.AssignTo(NewDepartment(), Deadline, Moderator, StepTime, new string('注', OpinionEvent.MaxNoteLength + 200));

        Assert.Equal(OpinionEvent.MaxNoteLength, opinion.Events[^1].Note!.Length);
    }

    [Fact]
    public void AssignTo_DeactivatedDepartment_ThrowsAndChangesNothing()
    {
        var opinion = InState(OpinionStatus.Registered);
        var before = Snapshot.Of(opinion);

        var ex = Assert.Throws<OpinionStateException>(() => opinion.AssignTo(NewDepartment(active: false), Deadline, Moderator, StepTime));

        Assert.Contains("住建局", ex.Message, StringComparison.Ordinal);
        before.AssertUnchanged(opinion);
        Assert.Null(opinion.DepartmentId);
        Assert.Null(opinion.Deadline);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void AssignTo_DeadlineNotAfterNow_ThrowsAndChangesNothing(int hoursFromNow)
    {
        var opinion = InState(OpinionStatus.Registered);
        var before = Snapshot.Of(opinion);

        Assert.Throws<ArgumentOutOfRangeException>(() => opinion.AssignTo(NewDepartment(), StepTime.AddHours(hoursFromNow), Moderator, StepTime));

        before.AssertUnchanged(opinion);
        Assert.Null(opinion.DepartmentId);
    }

    [Fact]
    public void Accept_MovesAssignedToInProgress_KeepingDepartmentAndDeadline()
    {
        var opinion = InState(OpinionStatus.Assigned);

        opinion.Accept(Handler, StepTime);

        Assert.Equal(OpinionStatus.InProgress, opinion.Status);
        Assert.Equal(1, opinion.DepartmentId);
        Assert.Equal(Deadline, opinion.Deadline);
    }

    [Theory]
    [InlineData(OpinionStatus.Assigned)]
    [InlineData(OpinionStatus.InProgress)]
    public void ReturnForReassignment_GoesBackToRegistered_AndClearsDepartmentAndDeadline(OpinionStatus from)
    {
        var opinion = InState(from);

        opinion.ReturnForReassignment(ReturnReason, Handler, StepTime);

        Assert.Equal(OpinionStatus.Registered, opinion.Status);
        Assert.Null(opinion.DepartmentId);
        Assert.Null(opinion.Department);
        Assert.Null(opinion.Deadline);
        Assert.Equal(ReturnReason, opinion.ReturnReason);
    }

    [Fact]
    public void ReturnForReassignment_WithBlankReason_ThrowsAndChangesNothing()
    {
        var opinion = InState(OpinionStatus.Assigned);
        var before = Snapshot.Of(opinion);

        Assert.Throws<ArgumentException>(() => opinion.ReturnForReassignment(" ", Handler, StepTime));

        before.AssertUnchanged(opinion);
        Assert.Equal(1, opinion.DepartmentId);
    }

    [Fact]
    public void AssignTo_AfterReturn_ClearsReturnReason()
    {
        var opinion = InState(OpinionStatus.Assigned);
        opinion.ReturnForReassignment(ReturnReason, Handler, StepTime);

        opinion.AssignTo(NewDepartment(id: 2), Deadline, Moderator, StepTime.AddHours(1));

        Assert.Equal(OpinionStatus.Assigned, opinion.Status);
        Assert.Equal(2, opinion.DepartmentId);
        Assert.Null(opinion.ReturnReason);
    }

    [Fact]
    public void Complete_StoresTheHandlingResultOfRoundOne()
    {
        var opinion = InState(OpinionStatus.InProgress);

        opinion.Complete(Draft(Adoption.PartlyAdopted, "部分路段不在本次改造范围"), Handler, StepTime);

        Assert.Equal(OpinionStatus.Completed, opinion.Status);
        Assert.Equal(StepTime, opinion.CompletedAt);
        var result = Assert.Single(opinion.Results);
        Assert.Same(result, opinion.CurrentResult);
        Assert.Equal(1, result.Round);
        Assert.Equal(Adoption.PartlyAdopted, result.Adoption);
        Assert.Equal("部分路段不在本次改造范围", result.AdoptionReason);
        Assert.Equal("张局长", result.SignedOffBy);
        Assert.Equal(Handler.UserId, result.WrittenByUserId);
        Assert.Equal(Handler.Name, result.WrittenByName);
        Assert.Null(result.PublicReply);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Complete_NotAdoptedWithoutReason_ThrowsAndChangesNothing(string? reason)
    {
        var opinion = InState(OpinionStatus.InProgress);
        var before = Snapshot.Of(opinion);

        var ex = Assert.Throws<ArgumentException>(() => opinion.Complete(Draft(Adoption.NotAdopted, reason), Handler, StepTime));

        Assert.Contains("未采纳时必须说明理由", ex.Message, StringComparison.Ordinal);
        before.AssertUnchanged(opinion);
        Assert.Empty(opinion.Results);
        Assert.Null(opinion.CompletedAt);
    }

    [Fact]
    public void Complete_NotAdoptedWithReason_IsAccepted()
    {
        var opinion = InState(OpinionStatus.InProgress);

        opinion.Complete(Draft(Adoption.NotAdopted, "该路段规划拆迁，暂不维修"), Handler, StepTime);

        Assert.Equal(OpinionStatus.Completed, opinion.Status);
        Assert.Equal("该路段规划拆迁，暂不维修", opinion.CurrentResult!.AdoptionReason);
    }

    [Fact]
    public void Complete_WithUndefinedAdoption_ThrowsAndChangesNothing()
    {
        var opinion = InState(OpinionStatus.InProgress);
        var before = Snapshot.Of(opinion);

        Assert.Throws<ArgumentOutOfRangeException>(() => opinion.Complete(Draft((Adoption)99), Handler, StepTime));

        before.AssertUnchanged(opinion);
        Assert.Empty(opinion.Results);
    }

    [Fact]
    public void Complete_WithBlankReply_ThrowsAndChangesNothing()
    {
        var opinion = InState(OpinionStatus.InProgress);
        var before = Snapshot.Of(opinion);

        Assert.Throws<ArgumentException>(() => opinion.Complete(Draft(reply: " "), Handler, StepTime));

        before.AssertUnchanged(opinion);
        Assert.Empty(opinion.Results);
    }

    [Fact]
    public void RequestRevision_FromCompleted_GoesBackToInProgress_AndClearsCompletedAt()
    {
        var opinion = InState(OpinionStatus.Completed);

        opinion.RequestRevision(RevisionReason, Moderator, StepTime);

        Assert.Equal(OpinionStatus.InProgress, opinion.Status);
        Assert.Null(opinion.CompletedAt);
        Assert.Equal(1, opinion.Round);
        Assert.Single(opinion.Results);
    }

    [Fact]
    public void Complete_AfterRevision_MakesTheNewResultCurrent()
    {
        var opinion = InState(OpinionStatus.Completed);
        opinion.RequestRevision(RevisionReason, Moderator, StepTime);

        opinion.Complete(Draft(reply: "已更换全部灯具，并承诺三日内复查。"), Handler, StepTime.AddHours(1));

        Assert.Equal(2, opinion.Results.Count);
        Assert.All(opinion.Results, r => Assert.Equal(1, r.Round));
        Assert.Equal("已更换全部灯具，并承诺三日内复查。", opinion.CurrentResult!.ReplyText);
    }

    [Fact]
    public void Publish_SetsPublicTextsPublishedAtAndThePublicReply()
    {
        var opinion = InState(OpinionStatus.Completed);

        opinion.Publish(PublicTitle, PublicBody, PublicReply, Moderator, StepTime);

        Assert.Equal(OpinionStatus.Published, opinion.Status);
        Assert.Equal(PublicTitle, opinion.PublicTitle);
        Assert.Equal(PublicBody, opinion.PublicBody);
        Assert.Equal(PublicReply, opinion.CurrentResult!.PublicReply);
        Assert.Equal(StepTime, opinion.PublishedAt);
        Assert.True(opinion.CanBeRated);
    }

    [Theory]
    [InlineData("", PublicBody, PublicReply)]
    [InlineData(PublicTitle, " ", PublicReply)]
    [InlineData(PublicTitle, PublicBody, "")]
    public void Publish_WithBlankPublicText_ThrowsAndChangesNothing(string title, string body, string reply)
    {
        var opinion = InState(OpinionStatus.Completed);
        var before = Snapshot.Of(opinion);

        Assert.Throws<ArgumentException>(() => opinion.Publish(title, body, reply, Moderator, StepTime));

        before.AssertUnchanged(opinion);
        Assert.Null(opinion.PublicTitle);
        Assert.Null(opinion.CurrentResult!.PublicReply);
    }

    [Theory]
    [InlineData(SatisfactionRating.Satisfied, "满意")]
    [InlineData(SatisfactionRating.BasicallySatisfied, "基本满意")]
    public void Rate_SatisfiedOrBasicallySatisfied_RecordsRatingAndStaysPublished(SatisfactionRating rating, string note)
    {
        var opinion = InState(OpinionStatus.Published);
        var version = opinion.Version;

        var satisfaction = opinion.Rate(rating, "  ", ReopenDeadline, StepTime);

        Assert.Equal(OpinionStatus.Published, opinion.Status);
        Assert.Equal(0, opinion.ReopenCount);
        Assert.Equal(version + 1, opinion.Version);
        Assert.Same(satisfaction, Assert.Single(opinion.Ratings));
        Assert.Equal(1, satisfaction.Round);
        Assert.Equal(rating, satisfaction.Rating);
        Assert.Null(satisfaction.Comment);
        Assert.Equal(StepTime, satisfaction.RatedAt);
        Assert.Equal(Deadline, opinion.Deadline);
        Assert.False(opinion.CanBeRated);
        var rated = opinion.Events[^1];
        Assert.Equal(OpinionAction.Rated, rated.Action);
        Assert.Equal(OpinionStatus.Published, rated.FromStatus);
        Assert.Equal(OpinionStatus.Published, rated.ToStatus);
        Assert.Equal(note, rated.Note);
    }

    [Fact]
    public void Rate_SecondTimeInTheSameRound_ThrowsAndChangesNothing()
    {
        var opinion = InState(OpinionStatus.Published);
        opinion.Rate(SatisfactionRating.Satisfied, null, ReopenDeadline, StepTime);
        var before = Snapshot.Of(opinion);

        Assert.Throws<OpinionStateException>(() => opinion.Rate(SatisfactionRating.Dissatisfied, null, ReopenDeadline, StepTime.AddHours(1)));

        before.AssertUnchanged(opinion);
        Assert.Single(opinion.Ratings);
        Assert.Equal(0, opinion.ReopenCount);
    }

    [Fact]
    public void Rate_WithUndefinedRating_ThrowsAndChangesNothing()
    {
        var opinion = InState(OpinionStatus.Published);
        var before = Snapshot.Of(opinion);

        Assert.Throws<ArgumentOutOfRangeException>(() => opinion.Rate((SatisfactionRating)0, null, ReopenDeadline, StepTime));

        before.AssertUnchanged(opinion);
        Assert.Empty(opinion.Ratings);
    }

    [Fact]
    public void Rate_WithTooLongComment_ThrowsAndChangesNothing()
    {
        var opinion = InState(OpinionStatus.Published);
        var before = Snapshot.Of(opinion);

        Assert.Throws<ArgumentException>(() => opinion.Rate(SatisfactionRating.Satisfied, new string('好', Satisfaction.MaxCommentLength + 1), ReopenDeadline, StepTime));

        before.AssertUnchanged(opinion);
        Assert.Empty(opinion.Ratings);
    }

    [Fact]
    public void Rate_Dissatisfied_ReopensWithNewDeadline_AndAppendsRatedAndReopenedEvents()
    {
        var opinion = InState(OpinionStatus.Published);
        var version = opinion.Version;
        var eventCount = opinion.Events.Count;

        opinion.Rate(SatisfactionRating.Dissatisfied, "路灯又坏了", ReopenDeadline, StepTime);

        Assert.Equal(OpinionStatus.InProgress, opinion.Status);
        Assert.Equal(1, opinion.ReopenCount);
        Assert.Equal(2, opinion.Round);
        Assert.Equal(ReopenDeadline, opinion.Deadline);
        Assert.Null(opinion.CompletedAt);
        Assert.Null(opinion.CurrentResult);
        Assert.False(opinion.CanBeRated);
        Assert.Equal(1, opinion.DepartmentId);
        Assert.Equal("路灯又坏了", Assert.Single(opinion.Ratings).Comment);
        Assert.Equal(eventCount + 2, opinion.Events.Count);
        Assert.Equal(version + 2, opinion.Version);

        var rated = opinion.Events[^2];
        Assert.Equal(OpinionAction.Rated, rated.Action);
        Assert.Equal(OpinionStatus.Published, rated.FromStatus);
        Assert.Equal(OpinionStatus.Published, rated.ToStatus);
        Assert.Null(rated.ActorUserId);
        Assert.Equal(ActorRef.Resident.Name, rated.ActorName);
        Assert.Equal("不满意", rated.Note);

        var reopened = opinion.Events[^1];
        Assert.Equal(OpinionAction.Reopened, reopened.Action);
        Assert.Equal(OpinionStatus.Published, reopened.FromStatus);
        Assert.Equal(OpinionStatus.InProgress, reopened.ToStatus);
        Assert.Equal(ActorRef.System.Name, reopened.ActorName);
        Assert.Equal("群众不满意，重新办理", reopened.Note);
        Assert.Equal(StepTime, reopened.OccurredAt);
    }

    [Fact]
    public void Reopened_SecondRound_IsHandledPublishedAndRatedAsRoundTwo()
    {
        var opinion = InState(OpinionStatus.Published);
        opinion.Rate(SatisfactionRating.Dissatisfied, null, ReopenDeadline, StepTime);

        opinion.Complete(Draft(reply: "已彻底更换线路。"), Handler, StepTime.AddDays(1));
        opinion.Publish(PublicTitle, PublicBody, "已彻底更换线路。", Moderator, StepTime.AddDays(2));
        opinion.Rate(SatisfactionRating.Satisfied, null, ReopenDeadline, StepTime.AddDays(3));

        Assert.Equal(OpinionStatus.Published, opinion.Status);
        Assert.Equal([1, 2], opinion.Results.Select(r => r.Round));
        Assert.Equal([1, 2], opinion.Ratings.Select(r => r.Round));
        Assert.Equal("已彻底更换线路。", opinion.CurrentResult!.PublicReply);
        Assert.Equal(PublicReply, opinion.Results[0].PublicReply);
    }

    [Fact]
    public void Rate_DissatisfiedAgainAfterRepublication_DoesNotReopenASecondTime()
    {
        var opinion = InState(OpinionStatus.Published);
        opinion.Rate(SatisfactionRating.Dissatisfied, null, ReopenDeadline, StepTime);
        opinion.Complete(Draft(), Handler, StepTime.AddDays(1));
        opinion.Publish(PublicTitle, PublicBody, PublicReply, Moderator, StepTime.AddDays(2));
        var version = opinion.Version;
        var eventCount = opinion.Events.Count;

        var second = opinion.Rate(SatisfactionRating.Dissatisfied, "还是不满意", ReopenDeadline.AddDays(30), StepTime.AddDays(3));

        Assert.Equal(OpinionStatus.Published, opinion.Status);
        Assert.Equal(1, opinion.ReopenCount);
        Assert.Equal(2, second.Round);
        Assert.Equal(ReopenDeadline, opinion.Deadline);
        Assert.Equal(eventCount + 1, opinion.Events.Count);
        Assert.Equal(OpinionAction.Rated, opinion.Events[^1].Action);
        Assert.Equal(version + 1, opinion.Version);
        Assert.False(opinion.CanBeRated);
        Assert.Throws<OpinionStateException>(() => opinion.Rate(SatisfactionRating.Satisfied, null, ReopenDeadline, StepTime.AddDays(4)));
    }

    [Fact]
    public void FullLife_RecordsEveryStepInOrder()
    {
        var opinion = InState(OpinionStatus.Published);
        opinion.Rate(SatisfactionRating.Satisfied, null, ReopenDeadline, StepTime);

        Assert.Equal(
            [
                OpinionAction.Submitted, OpinionAction.Registered, OpinionAction.Assigned, OpinionAction.Accepted,
                OpinionAction.Completed, OpinionAction.Published, OpinionAction.Rated,
            ],
            opinion.Events.Select(e => e.Action));
        Assert.Equal(6, opinion.Version);
        Assert.Equal(opinion.Events.Select(e => e.OccurredAt).Order(), opinion.Events.Select(e => e.OccurredAt));
    }

    [Fact]
    public void SuggestDepartments_RecordsTheRankedProposals_WithoutChangingStateOrHistory()
    {
        var opinion = Submitted();

        opinion.SuggestDepartments([new(3, 0.82f), new(5, 0.1f), new(1, 0.05f), new(2, 0.03f)], modelVersion: 4);

        Assert.Equal(3, opinion.SuggestedDepartmentId);
        Assert.Equal(0.82f, opinion.SuggestionConfidence);
        Assert.Equal([3, 5, 1], opinion.Suggestions.Select(s => s.DepartmentId));
        Assert.Equal(4, opinion.SuggestedByModelVersion);
        AssertUnchangedSubmitted(opinion);
    }

    [Theory]
    [InlineData(OpinionStatus.Submitted)]
    [InlineData(OpinionStatus.InProgress)]
    [InlineData(OpinionStatus.Published)]
    public void ChangeCaseOwner_InAnOpenOrPublishedCase_RecordsEventWithoutChangingStatus(OpinionStatus status)
    {
        var opinion = InState(status);
        var version = opinion.Version;

        opinion.ChangeCaseOwner("leader-1", "王书记", Moderator, StepTime);

        Assert.Equal(status, opinion.Status);
        Assert.Equal("leader-1", opinion.CaseOwnerId);
        Assert.Equal("王书记", opinion.CaseOwnerName);
        Assert.Equal(version + 1, opinion.Version);
        var changed = opinion.Events[^1];
        Assert.Equal(OpinionAction.CaseOwnerChanged, changed.Action);
        Assert.Equal(status, changed.FromStatus);
        Assert.Equal(status, changed.ToStatus);
        Assert.Equal("包案人：王书记", changed.Note);
    }

    [Theory]
    [InlineData(OpinionStatus.Rejected)]
    [InlineData(OpinionStatus.Merged)]
    public void ChangeCaseOwner_WhenClosedWithoutHandling_ThrowsAndChangesNothing(OpinionStatus status)
    {
        var opinion = InState(status);
        var before = Snapshot.Of(opinion);

        Assert.Throws<OpinionStateException>(() => opinion.ChangeCaseOwner("leader-1", "王书记", Moderator, StepTime));

        before.AssertUnchanged(opinion);
    }

    private static void AssertUnchangedSubmitted(Opinion opinion)
    {
        Assert.Equal(OpinionStatus.Submitted, opinion.Status);
        Assert.Equal(0, opinion.Version);
        Assert.Single(opinion.Events);
        Assert.Equal(Start, opinion.UpdatedAt);
    }
}

/// <summary>The observable state that a refused step must leave alone.</summary>
internal sealed record Snapshot(OpinionStatus Status, int Version, IReadOnlyList<OpinionEvent> Events, DateTime UpdatedAt, string? CaseOwnerId)
{
    public static Snapshot Of(Opinion opinion) =>
        new(opinion.Status, opinion.Version, opinion.Events.ToList(), opinion.UpdatedAt, opinion.CaseOwnerId);

    public void AssertUnchanged(Opinion opinion)
    {
        Assert.Equal(Status, opinion.Status);
        Assert.Equal(Version, opinion.Version);
        Assert.Equal(Events, opinion.Events);
        Assert.Equal(UpdatedAt, opinion.UpdatedAt);
        Assert.Equal(CaseOwnerId, opinion.CaseOwnerId);
    }
}
