using Portal.Data.Opinions;
using static Portal.Data.Tests.Opinions.OpinionScenario;

namespace Portal.Data.Tests.Opinions;

/// <summary>Every status × every step: legal steps record one history entry, illegal ones change nothing.</summary>
public sealed class OpinionStateMachineTableTests
{
    public static TheoryData<OpinionStatus, OpinionStep> IllegalTransitions() => Transitions(legal: false);

    public static TheoryData<OpinionStatus, OpinionStep> LegalTransitions() => Transitions(legal: true);

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void IllegalStep_Throws_AndLeavesStatusVersionAndEventsUnchanged(OpinionStatus status, OpinionStep step)
    {
        var opinion = InState(status);
        var version = opinion.Version;
        var events = opinion.Events.ToList();
        var updatedAt = opinion.UpdatedAt;

        var ex = Assert.Throws<OpinionStateException>(() => Apply(opinion, step, StepTime));

        Assert.Equal(status, opinion.Status);
        Assert.Equal(version, opinion.Version);
        Assert.Equal(events, opinion.Events);
        Assert.Equal(updatedAt, opinion.UpdatedAt);
        Assert.Contains(OpinionText.Of(status), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void LegalStep_AppendsExactlyOneEvent_WithFromToActorAndNote_AndIncrementsVersion(OpinionStatus status, OpinionStep step)
    {
        var opinion = InState(status);
        var version = opinion.Version;
        var eventCount = opinion.Events.Count;
        var expected = Expected(step);

        Apply(opinion, step, StepTime);

        var expectedStatus = expected.ToStatus ?? status;
        Assert.Equal(expectedStatus, opinion.Status);
        Assert.Equal(version + 1, opinion.Version);
        Assert.Equal(eventCount + 1, opinion.Events.Count);
        Assert.Equal(StepTime, opinion.UpdatedAt);
        var recorded = opinion.Events[^1];
        Assert.Equal(expected.Action, recorded.Action);
        Assert.Equal(status, recorded.FromStatus);
        Assert.Equal(expectedStatus, recorded.ToStatus);
        Assert.Equal(expected.By.UserId, recorded.ActorUserId);
        Assert.Equal(expected.By.Name, recorded.ActorName);
        Assert.Equal(expected.Note, recorded.Note);
        Assert.Equal(StepTime, recorded.OccurredAt);
    }

    [Fact]
    public void Table_CoversEveryStatusAndStep()
    {
        var total = Enum.GetValues<OpinionStatus>().Length * Enum.GetValues<OpinionStep>().Length;

        Assert.Equal(total, IllegalTransitions().Count + LegalTransitions().Count);
        Assert.Equal(13, LegalTransitions().Count);
    }

    [Theory]
    [InlineData(OpinionStatus.Submitted, new[] { OpinionAction.Submitted })]
    [InlineData(OpinionStatus.Rejected, new[] { OpinionAction.Submitted, OpinionAction.Rejected })]
    [InlineData(OpinionStatus.Merged, new[] { OpinionAction.Submitted, OpinionAction.Merged })]
    [InlineData(OpinionStatus.Published, new[]
    {
        OpinionAction.Submitted, OpinionAction.Registered, OpinionAction.Assigned, OpinionAction.Accepted,
        OpinionAction.Completed, OpinionAction.Published,
    })]
    public void LegalPath_RecordsOneEventPerStep_AndVersionCountsTheSteps(OpinionStatus status, OpinionAction[] actions)
    {
        var opinion = InState(status);

        Assert.Equal(actions, opinion.Events.Select(e => e.Action));
        Assert.Equal(actions.Length - 1, opinion.Version);
        Assert.All(opinion.Events.Zip(opinion.Events.Skip(1)), pair => Assert.Equal(pair.First.ToStatus, pair.Second.FromStatus));
    }

    private static TheoryData<OpinionStatus, OpinionStep> Transitions(bool legal)
    {
        var data = new TheoryData<OpinionStatus, OpinionStep>();
        foreach (var status in Enum.GetValues<OpinionStatus>())
        {
            foreach (var step in Enum.GetValues<OpinionStep>())
            {
                if (IsLegal(status, step) == legal)
                    data.Add(status, step);
            }
        }

        return data;
    }
}
