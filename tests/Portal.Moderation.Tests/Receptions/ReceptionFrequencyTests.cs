using System.ComponentModel.DataAnnotations;
using Portal.Data.Receptions;
using Portal.Moderation.Receptions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.Receptions;

public sealed class ReceptionFrequencyTests
{
    [Theory]
    [InlineData(2, 2, 10, 10, 0.5, FrequencyStatus.Met)]
    [InlineData(2, 3, 0, 0, 0.1, FrequencyStatus.Met)]
    [InlineData(2, 1, 10, 10, 1.0, FrequencyStatus.Unmet)]
    [InlineData(2, 2, 10, 9, 1.0, FrequencyStatus.Unmet)]
    [InlineData(12, 6, 0, 0, 0.5, FrequencyStatus.OnTrack)]   // due ⌊12 × 0.5⌋ = 6
    [InlineData(12, 5, 0, 0, 0.5, FrequencyStatus.Behind)]
    [InlineData(2, 0, 10, 4, 0.49, FrequencyStatus.OnTrack)] // due ⌊0.98⌋ = 0 receptions, ⌊4.9⌋ = 4 visits
    [InlineData(2, 0, 10, 3, 0.49, FrequencyStatus.Behind)]
    [InlineData(2, 0, 10, 0, 0.0, FrequencyStatus.OnTrack)]   // a future year
    public void Evaluate_ComparesWithTheTargetOrItsProRataShare(int required, int held, int visitsTarget, int visits, double elapsed, FrequencyStatus expected) =>
        Assert.Equal(expected, ReceptionFrequencyService.Evaluate(required, held, visitsTarget, visits, elapsed));

    [Fact]
    public void YearElapsed_IsZeroBeforeOneAfterAndProportionalWithin()
    {
        Assert.Equal(0, ReceptionFrequencyService.YearElapsed(2026, new DateTime(2025, 12, 31)));
        Assert.Equal(1, ReceptionFrequencyService.YearElapsed(2025, new DateTime(2026, 1, 1)));
        Assert.Equal(181.0 / 365, ReceptionFrequencyService.YearElapsed(2026, new DateTime(2026, 7, 1)), 6);
    }

    [Fact]
    public async Task ForYear_CountsOnlyHeldSessionsOfThatYear_AndVisitsOfThatYear()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var deputy = await h.HostAsync("黄秀珍", "县党代表", ReceptionHostKind.Deputy, 2, 10);
        var held = await h.SessionAsync(daysAhead: 3, hostId: deputy);
        await h.SessionAsync(daysAhead: 4, hostId: deputy); // stays scheduled
        var cancelled = await h.SessionAsync(daysAhead: 5, hostId: deputy);
        await h.Admin.CancelSessionAsync(cancelled, "工作室装修", ReceptionHarness.Moderator);
        h.Clock.Advance(TimeSpan.FromDays(4));
        await h.Admin.MarkHeldAsync(held, ReceptionHarness.Moderator);
        await h.Frequency.RecordVisitAsync(deputy, Visit(new DateOnly(2026, 3, 1)), ReceptionHarness.Moderator);
        await h.Frequency.RecordVisitAsync(deputy, Visit(new DateOnly(2026, 2, 10)), ReceptionHarness.Moderator);
        await h.Frequency.RecordVisitAsync(deputy, Visit(new DateOnly(2025, 12, 30)), ReceptionHarness.Moderator);

        var row = Assert.Single(await h.Frequency.ForYearAsync(2026, ReceptionHarness.Leader));
        var lastYear = Assert.Single(await h.Frequency.ForYearAsync(2025, ReceptionHarness.Leader));

        Assert.Equal((2, 1, 10, 2), (row.RequiredReceptions, row.Held, row.RequiredVisits, row.Visits));
        Assert.Equal(FrequencyStatus.OnTrack, row.Status); // 2026-03-06: due ⌊2 × 0.18⌋ = 0 and ⌊10 × 0.18⌋ = 1
        Assert.Equal((0, 1, FrequencyStatus.Unmet), (lastYear.Held, lastYear.Visits, lastYear.Status));
    }

    [Fact]
    public async Task ForYear_WhenBothTargetsAreReached_IsMet()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var leader = await h.HostAsync("林海燕", "副县长", ReceptionHostKind.Leader, 1);
        var session = await h.SessionAsync(daysAhead: 2, hostId: leader);
        h.Clock.Advance(TimeSpan.FromDays(3));
        await h.Admin.MarkHeldAsync(session, ReceptionHarness.Moderator);

        var row = Assert.Single(await h.Frequency.ForYearAsync(2026, ReceptionHarness.Moderator));

        Assert.Equal(FrequencyStatus.Met, row.Status);
    }

    [Fact]
    public async Task ForYear_ForAHandler_IsDenied()
    {
        await using var h = await ReceptionHarness.CreateAsync();

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => h.Frequency.ForYearAsync(2026, ReceptionHarness.Handler));
    }

    [Fact]
    public async Task RecordVisit_InTheFuture_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var deputy = await h.HostAsync("黄秀珍", "县党代表", ReceptionHostKind.Deputy, 2, 10);

        var ex = await Assert.ThrowsAsync<ReceptionStateException>(() =>
            h.Frequency.RecordVisitAsync(deputy, Visit(new DateOnly(2026, 3, 3)), ReceptionHarness.Moderator));

        Assert.Contains("不能晚于今天", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Frequency.VisitsAsync(2026, deputy, ReceptionHarness.Leader));
    }

    [Fact]
    public async Task RecordVisit_WithoutHousehold_IsRefusedInChinese()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var deputy = await h.HostAsync("黄秀珍", "县党代表", ReceptionHostKind.Deputy, 2, 10);
        var input = Visit(new DateOnly(2026, 3, 1));
        input.Household = "";

        var ex = await Assert.ThrowsAsync<ValidationException>(() => h.Frequency.RecordVisitAsync(deputy, input, ReceptionHarness.Moderator));

        Assert.Equal("请填写走访户（户主或住址）。", ex.Message);
    }

    private static VisitInput Visit(DateOnly day) => new() { VisitedOn = day, Household = "东关社区3号楼 王秀英", Summary = "了解冬季取暖情况。" };
}
