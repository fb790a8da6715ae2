using Portal.Data.Opinions;
using Portal.Moderation.Analysis;

namespace Portal.Moderation.Tests.Analysis;

public sealed class StatisticsQueriesTests(StatisticsFixture fixture) : IClassFixture<StatisticsFixture>
{
    private static StatisticsFilter All => new(StatisticsFixture.Period);

    [Fact]
    public async Task Figures_CountEachStepByWhenItHappened()
    {
        var figures = (await fixture.Queries.GetFiguresAsync(All)).Current;

        Assert.Equal(5, figures.Received);
        Assert.Equal(5, figures.Registered);
        Assert.Equal(4, figures.Assigned);
        Assert.Equal(3, figures.Completed);
        Assert.Equal(2, figures.Published);
        Assert.Equal(1, figures.Overdue);
    }

    [Fact]
    public async Task Figures_ComputeOnTimeReplyAndSatisfactionRates()
    {
        var figures = (await fixture.Queries.GetFiguresAsync(All)).Current;

        Assert.Equal(2.0 / 3, figures.OnTimeRate!.Value, 6);
        Assert.Equal(2.0 / 3, figures.ReplyRate!.Value, 6);
        Assert.Equal(3, figures.Ratings);
        Assert.Equal(2.0 / 3, figures.SatisfactionRate!.Value, 6);
    }

    [Fact]
    public async Task Figures_MedianAndP90DaysToComplete()
    {
        var figures = (await fixture.Queries.GetFiguresAsync(All)).Current;

        Assert.Equal(6, figures.MedianDays!.Value, 3);
        Assert.Equal(10, figures.P90Days!.Value, 3);
    }

    [Fact]
    public async Task Figures_ComparePreviousPeriodOfSameLength_WhereReopenedCompletionNoLongerCounts()
    {
        var figures = await fixture.Queries.GetFiguresAsync(All);

        Assert.Equal(new DateRange(new DateOnly(2026, 5, 17), new DateOnly(2026, 5, 31)), figures.PreviousPeriod);
        Assert.Equal(2, figures.Previous.Received);
        Assert.Equal(1, figures.Previous.Completed);
        Assert.Equal(1.0, figures.Previous.OnTimeRate);
        Assert.Equal(4, figures.Previous.MedianDays!.Value, 3);
        Assert.Null(figures.Previous.SatisfactionRate);
        Assert.Equal(0, figures.Previous.Overdue);
    }

    [Fact]
    public async Task Figures_AtPeriodEnd_CountOpinionsOverdueThenThoughCompletedSince()
    {
        // At the end of 6/1..6/7, #2 (deadline 6/5) was still open; it was completed late on 6/8.
        var filter = new StatisticsFilter(new DateRange(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 7)));

        var figures = await fixture.Queries.GetFiguresAsync(filter, overdueAtPeriodEnd: true);

        Assert.Equal(1, figures.Current.Overdue);
        Assert.Equal(0, figures.Previous.Overdue);
        Assert.Equal(0, (await fixture.Queries.GetFiguresAsync(filter with { Kind = OpinionKind.Question }, overdueAtPeriodEnd: true)).Current.Overdue);
    }

    [Fact]
    public async Task Filters_NarrowEveryFigure()
    {
        var transport = (await fixture.Queries.GetFiguresAsync(All with { DepartmentId = fixture.Transport.Id })).Current;
        Assert.Equal(2, transport.Received);
        Assert.Equal(1, transport.Completed);
        Assert.Equal(1.0, transport.OnTimeRate);
        Assert.Equal(1, transport.Overdue);
        Assert.Equal(0.0, transport.SatisfactionRate);

        Assert.Equal(2, (await fixture.Queries.GetFiguresAsync(All with { Kind = OpinionKind.Suggestion })).Current.Received);
        Assert.Equal(2, (await fixture.Queries.GetFiguresAsync(All with { Area = "城关镇" })).Current.Received);
        Assert.Equal(1, (await fixture.Queries.GetFiguresAsync(All with { Channel = OpinionChannel.OpinionBox })).Current.Received);
    }

    [Fact]
    public async Task Volume_GroupsByLocalDayAndDepartmentAndKind()
    {
        var volume = await fixture.Queries.GetVolumeAsync(All);

        Assert.Equal(BucketSize.Day, volume.Bucket);
        Assert.Equal(15, volume.Labels.Count);
        var urban = volume.ByDepartment.Single(l => l.Name == "住建局");
        Assert.Equal(1, urban.Values[0]);
        Assert.Equal(1, urban.Values[1]);
        Assert.Equal(2, urban.Total);
        Assert.Equal(1, volume.ByDepartment.Single(l => l.Name == "未交办").Values[9]);
        Assert.Equal(2, volume.ByKind.Single(l => l.Name == "建议").Total);
    }

    [Fact]
    public async Task TopAreas_AreOrderedByCount()
    {
        var areas = await fixture.Queries.GetTopAreasAsync(All);

        Assert.Equal([new AreaCount("城关镇", 2), new AreaCount("河口乡", 2)], areas);
    }

    [Fact]
    public async Task Ranking_ScoresOnTimeSatisfactionAndOverdue()
    {
        var ranking = await fixture.Queries.GetRankingAsync(All);

        var first = ranking[0];
        Assert.Equal(("住建局", 1, 2, 2), (first.Department, first.Rank, first.Received, first.Completed));
        Assert.Equal(0.5, first.OnTimeRate);
        Assert.Equal(1.0, first.SatisfactionRate);
        Assert.Equal(80.0, first.Score);
        var second = ranking[1];
        Assert.Equal(("交通局", 2, 2, 1), (second.Department, second.Rank, second.OpenNow, second.OverdueNow));
        Assert.Equal(50.0, second.Score);
    }

    [Fact]
    public async Task Satisfaction_ByDepartment()
    {
        var rows = await fixture.Queries.GetSatisfactionAsync(All);

        Assert.Equal(("住建局", 1, 1, 0), (rows[0].Department, rows[0].Satisfied, rows[0].BasicallySatisfied, rows[0].Dissatisfied));
        Assert.Equal(("交通局", 0.0), (rows[1].Department, rows[1].Rate!.Value));
    }
}
