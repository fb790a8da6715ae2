using Portal.Moderation.HotIssues;

namespace Portal.Moderation.Tests.HotIssues;

public sealed class SpikeDetectorTests
{
    private static readonly DateTime WeekEnding = new(2026, 5, 4, 16, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Detect_FlagsTheDepartmentAndAreaThatJumped_WithTheOpinionsBehindIt()
    {
        await using var h = await HotIssueHarness.CreateAsync();
        // Eight quiet weeks: one or two a week for each department in varying areas.
        for (var week = 1; week <= 8; week++)
        {
            var start = WeekEnding.AddDays(-7 * (week + 1)).AddHours(10);
            await h.AddAsync(Enumerable.Range(0, 1 + (week % 2)).Select(i => ($"住房问题{week}-{i}", "物业服务问题。", (string?)"东关社区", start.AddDays(i), (string?)null)), h.Urban);
            await h.AddAsync(Enumerable.Range(0, 1 + (week % 2)).Select(i => ($"环境问题{week}-{i}", "环境问题。", (string?)$"片区{week}", start.AddDays(i), (string?)null)), h.Environment);
        }

        var burst = await h.AddAsync(Enumerable.Range(0, 9).Select(i => ($"化工厂异味{i}", "工业园区夜间刺鼻气味。", (string?)"工业园区", WeekEnding.AddDays(-6).AddHours(i * 10), (string?)null)), h.Environment);
        await h.AddAsync([("物业问题", "物业服务问题。", "东关社区", WeekEnding.AddDays(-2), null)], h.Urban);

        var spikes = await h.Spikes.DetectAsync(WeekEnding, CancellationToken.None);

        var department = Assert.Single(spikes, s => s.Dimension == SpikeDetector.DepartmentDimension);
        Assert.Equal("生态环境局", department.Name);
        Assert.Equal(9, department.ThisWeek);
        Assert.Equal(1.5, department.Baseline);
        Assert.Equal(burst, department.OpinionIds);
        var area = Assert.Single(spikes, s => s.Dimension == SpikeDetector.AreaDimension);
        Assert.Equal("工业园区", area.Name);
        Assert.Equal(0, area.Baseline);
    }

    [Fact]
    public async Task Detect_IgnoresAWeekBelowTheMinimumCount()
    {
        await using var h = await HotIssueHarness.CreateAsync();
        await h.AddAsync(Enumerable.Range(0, 4).Select(i => ($"新问题{i}", "内容。", (string?)"新区", WeekEnding.AddDays(-3), (string?)null)), h.Environment);

        Assert.Empty(await h.Spikes.DetectAsync(WeekEnding, CancellationToken.None));
    }

    [Fact]
    public void Threshold_UsesAFloorOnTheSpreadForAFlatBaseline()
    {
        var (threshold, mean) = SpikeDetector.Threshold([4, 4, 4, 4, 4, 4, 4, 4], 3);

        Assert.Equal(4, mean);
        Assert.Equal(4 + (3 * 2), threshold);
    }
}
