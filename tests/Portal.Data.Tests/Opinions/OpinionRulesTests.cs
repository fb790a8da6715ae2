using Portal.Data.Opinions;
using static Portal.Data.Tests.Opinions.OpinionScenario;

namespace Portal.Data.Tests.Opinions;

public sealed class OpinionRulesTests
{
    private static readonly DateTime AfterDeadline = Deadline.AddSeconds(1);

    [Theory]
    [InlineData(OpinionStatus.Assigned)]
    [InlineData(OpinionStatus.InProgress)]
    public void IsOverdue_WhenDeadlinePassedWhileAssignedOrInProgress_IsTrue(OpinionStatus status)
    {
        var opinion = InState(status);

        Assert.True(opinion.IsOverdue(AfterDeadline));
    }

    [Theory]
    [InlineData(OpinionStatus.Assigned)]
    [InlineData(OpinionStatus.InProgress)]
    public void IsOverdue_BeforeOrExactlyAtDeadline_IsFalse(OpinionStatus status)
    {
        var opinion = InState(status);

        Assert.False(opinion.IsOverdue(Deadline.AddHours(-1)));
        Assert.False(opinion.IsOverdue(Deadline));
    }

    [Theory]
    [InlineData(OpinionStatus.Submitted)]
    [InlineData(OpinionStatus.Registered)]
    [InlineData(OpinionStatus.Completed)]
    [InlineData(OpinionStatus.Published)]
    [InlineData(OpinionStatus.Rejected)]
    [InlineData(OpinionStatus.Merged)]
    public void IsOverdue_InAnyOtherStatus_IsFalse_EvenLongAfterTheDeadline(OpinionStatus status)
    {
        var opinion = InState(status);

        Assert.False(opinion.IsOverdue(Deadline.AddYears(1)));
    }

    [Fact]
    public void IsOverdue_AfterReturnForReassignment_IsFalse()
    {
        var opinion = InState(OpinionStatus.InProgress);
        opinion.ReturnForReassignment(ReturnReason, Handler, StepTime);

        Assert.False(opinion.IsOverdue(AfterDeadline));
    }

    [Fact]
    public void IsOverdue_AfterReopening_UsesTheNewDeadline()
    {
        var opinion = InState(OpinionStatus.Published);
        opinion.Rate(SatisfactionRating.Dissatisfied, null, ReopenDeadline, StepTime);

        Assert.False(opinion.IsOverdue(AfterDeadline));
        Assert.True(opinion.IsOverdue(ReopenDeadline.AddMinutes(1)));
    }

    [Fact]
    public void IsPubliclyListed_WhenPublishedWithConsent_IsTrue()
    {
        Assert.True(InState(OpinionStatus.Published, consentToPublish: true).IsPubliclyListed);
    }

    [Fact]
    public void IsPubliclyListed_WhenPublishedWithoutConsent_IsFalse()
    {
        var opinion = InState(OpinionStatus.Published, consentToPublish: false);

        Assert.False(opinion.IsPubliclyListed);
        Assert.True(opinion.CanBeRated);
    }

    [Theory]
    [InlineData(OpinionStatus.Submitted)]
    [InlineData(OpinionStatus.Registered)]
    [InlineData(OpinionStatus.Assigned)]
    [InlineData(OpinionStatus.InProgress)]
    [InlineData(OpinionStatus.Completed)]
    [InlineData(OpinionStatus.Rejected)]
    [InlineData(OpinionStatus.Merged)]
    public void IsPubliclyListed_WhenNotPublished_IsFalse_EvenWithConsent(OpinionStatus status)
    {
        var opinion = InState(status, consentToPublish: true);

        Assert.False(opinion.IsPubliclyListed);
        Assert.False(opinion.CanBeRated);
    }

    [Fact]
    public void IsPubliclyListed_AfterReopening_IsFalse()
    {
        var opinion = InState(OpinionStatus.Published);
        opinion.Rate(SatisfactionRating.Dissatisfied, null, ReopenDeadline, StepTime);

        Assert.False(opinion.IsPubliclyListed);
    }
}
