using Portal.Data.Opinions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Opinions;

/// <summary>The figures of the leader's overview: <see cref="OpinionQueries.GetOverviewAsync"/>.</summary>
public sealed class LeaderOverviewQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = WorkflowHarness.Start;

    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task GetOverviewAsync_WithNoOpinions_HasZeroFiguresAndNoRates()
    {
        var overview = await _h.Queries.GetOverviewAsync();

        Assert.Empty(overview.ByStatus);
        Assert.Equal(3, overview.Departments.Count);
        Assert.All(overview.Departments, d =>
        {
            Assert.Equal((0, 0, 0), (d.Open, d.Overdue, d.Completed));
            Assert.Null(d.AverageDays);
            Assert.Null(d.SatisfactionRate);
        });
        Assert.Empty(overview.Overdue);
        Assert.Null(overview.AverageDaysToComplete);
        Assert.Null(overview.SatisfactionRate);
        Assert.Equal(0, overview.RatingCount);
    }

    [Fact]
    public async Task GetOverviewAsync_CountsByStatusAndDepartment()
    {
        await ArrangeAsync();

        var overview = await _h.Queries.GetOverviewAsync();

        Assert.Equal(
            [
                KeyValuePair.Create(OpinionStatus.Submitted, 1),
                KeyValuePair.Create(OpinionStatus.Assigned, 2),
                KeyValuePair.Create(OpinionStatus.InProgress, 2),
                KeyValuePair.Create(OpinionStatus.Completed, 1),
                KeyValuePair.Create(OpinionStatus.Published, 2),
                KeyValuePair.Create(OpinionStatus.Rejected, 1),
                KeyValuePair.Create(OpinionStatus.Merged, 1),
            ],
            overview.ByStatus.OrderBy(p => p.Key));
        Assert.False(overview.ByStatus.ContainsKey(OpinionStatus.Registered));

        Assert.Equal([_h.UrbanId, _h.TransportId, _h.RetiredId], overview.Departments.Select(d => d.DepartmentId));
        var urban = overview.Departments[0];
        Assert.Equal("住建局", urban.Name);
        Assert.Equal((2, 2, 3), (urban.Open, urban.Overdue, urban.Completed));
        var transport = overview.Departments[1];
        Assert.Equal("交通局", transport.Name);
        Assert.Equal((2, 0, 0), (transport.Open, transport.Overdue, transport.Completed));
        var retired = overview.Departments[2];
        Assert.Equal((0, 0, 0), (retired.Open, retired.Overdue, retired.Completed));
    }

    [Fact]
    public async Task GetOverviewAsync_AveragesTheDaysFromSubmissionToCompletionOfCompletedAndPublishedOpinions()
    {
        await ArrangeAsync();

        var overview = await _h.Queries.GetOverviewAsync();

        // 住建局: 2, 4 and 6 days; 交通局's only completion was reopened and does not count.
        Assert.Equal(4.0, overview.Departments[0].AverageDays!.Value, 6);
        Assert.Null(overview.Departments[1].AverageDays);
        Assert.Null(overview.Departments[2].AverageDays);
        Assert.Equal(4.0, overview.AverageDaysToComplete!.Value, 6);
    }

    [Fact]
    public async Task GetOverviewAsync_SatisfactionRate_IsSatisfiedAndBasicallySatisfiedOverAllRatings()
    {
        await ArrangeAsync();

        var overview = await _h.Queries.GetOverviewAsync();

        // 住建局: 满意 + 基本满意; 交通局: 不满意.
        Assert.Equal(1.0, overview.Departments[0].SatisfactionRate!.Value, 6);
        Assert.Equal(0.0, overview.Departments[1].SatisfactionRate!.Value, 6);
        Assert.Null(overview.Departments[2].SatisfactionRate);
        Assert.Equal(2.0 / 3.0, overview.SatisfactionRate!.Value, 6);
        Assert.Equal(3, overview.RatingCount);
    }

    [Fact]
    public async Task GetOverviewAsync_ListsTheOverdueOpinions_EarliestDeadlineFirst()
    {
        var s = await ArrangeAsync();

        var overview = await _h.Queries.GetOverviewAsync();

        Assert.Equal([s.OverdueFirst, s.OverdueSecond], overview.Overdue.Select(o => o.Id));
        Assert.All(overview.Overdue, o => Assert.True(o.IsOverdue));
        Assert.Equal(
            [new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 23, 16, 0, 0, DateTimeKind.Utc)],
            overview.Overdue.Select(o => o.Deadline!.Value));
    }

    [Fact]
    public async Task GetOverviewAsync_AnOpinionBecomesOverdueWhenItsDeadlinePasses()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);
        var deadline = new DateTimeOffset(2026, 3, 20, 16, 0, 0, TimeSpan.Zero);

        _h.At(deadline);
        var atDeadline = await _h.Queries.GetOverviewAsync();
        _h.At(deadline.AddSeconds(1));
        var after = await _h.Queries.GetOverviewAsync();

        Assert.Empty(atDeadline.Overdue);
        Assert.Equal(0, atDeadline.Departments[0].Overdue);
        Assert.Equal([id], after.Overdue.Select(o => o.Id));
        Assert.Equal(1, after.Departments[0].Overdue);
    }

    /// <summary>
    /// At 2026-03-24 10:00 Beijing (23 days after <see cref="Start"/>; time limits are 15 working days):
    /// 住建局 — two assigned opinions past their deadline, one completed after 2 days, one published after 4 days and rated 满意,
    /// one published after 6 days and rated 基本满意;
    /// 交通局 — one in progress within its deadline, one published after 6 days, rated 不满意 and so reopened;
    /// and one submitted, one rejected, one merged opinion without a department.
    /// </summary>
    private async Task<(int OverdueFirst, int OverdueSecond)> ArrangeAsync()
    {
        var overdueFirst = await _h.OpinionInAsync(OpinionStatus.Assigned);   // deadline: end of 20 March
        var completedIn2 = await _h.OpinionInAsync(OpinionStatus.InProgress);
        var publishedIn4 = await _h.OpinionInAsync(OpinionStatus.InProgress);
        var publishedIn6 = await _h.OpinionInAsync(OpinionStatus.InProgress);
        var reopened = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.TransportId);
        var waiting = await _h.OpinionInAsync(OpinionStatus.Registered, _h.TransportId);
        await _h.OpinionInAsync(OpinionStatus.Submitted);
        await _h.OpinionInAsync(OpinionStatus.Rejected);
        var duplicate = (await _h.SubmitAsync()).OpinionId;
        await _h.MergeAsync(duplicate, overdueFirst);

        _h.At(Start + TimeSpan.FromDays(1));
        var overdueSecond = (await _h.SubmitAsync()).OpinionId;
        await _h.RegisterAsync(overdueSecond);
        await _h.AssignAsync(overdueSecond, _h.UrbanId);                      // deadline: end of 23 March
        _h.At(Start + TimeSpan.FromDays(2));
        await _h.CompleteAsync(completedIn2);
        _h.At(Start + TimeSpan.FromDays(4));
        await _h.CompleteAsync(publishedIn4);
        await _h.PublishAsync(publishedIn4);
        _h.At(Start + TimeSpan.FromDays(6));
        await _h.CompleteAsync(publishedIn6);
        await _h.PublishAsync(publishedIn6);
        await _h.CompleteAsync(reopened);
        await _h.PublishAsync(reopened);
        _h.At(Start + TimeSpan.FromDays(7));
        Assert.Equal(RatingOutcome.Recorded, await _h.RateAsync(publishedIn4, SatisfactionRating.Satisfied));
        Assert.Equal(RatingOutcome.Recorded, await _h.RateAsync(publishedIn6, SatisfactionRating.BasicallySatisfied));
        Assert.Equal(RatingOutcome.Reopened, await _h.RateAsync(reopened, SatisfactionRating.Dissatisfied)); // new deadline: end of 27 March
        _h.At(Start + TimeSpan.FromDays(20));
        await _h.AssignAsync(waiting, _h.TransportId);
        await _h.AcceptAsync(waiting);                                        // deadline: end of 10 April
        _h.At(Start + TimeSpan.FromDays(23));
        return (overdueFirst, overdueSecond);
    }
}
