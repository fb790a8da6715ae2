using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data.Briefings;
using Portal.Data.Opinions;
using Portal.Moderation.Analysis;
using Portal.Moderation.Analysis.Briefings;

namespace Portal.Moderation.Tests.Analysis;

public sealed class BriefingServiceTests : IAsyncLifetime
{
    private static readonly DateRange FirstWeekOfJune = new(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 7));
    private readonly StatisticsFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private BriefingService Service => new(_fixture.Database, _fixture.Queries, new NoBriefingHotIssues(), _fixture.Deadlines, _fixture.Clock,
        NullLogger<BriefingService>.Instance);

    [Fact]
    public async Task Generate_Twice_StoresOneBriefingPerPeriod()
    {
        var first = await Service.GenerateAsync(BriefingKind.Weekly, FirstWeekOfJune, "领导甲");
        var second = await Service.GenerateAsync(BriefingKind.Weekly, FirstWeekOfJune, "领导乙");

        Assert.Equal(first, second);
        await using var db = _fixture.Database.CreateDbContext();
        Assert.Equal("领导甲", (await db.Briefings.SingleAsync()).GeneratedBy);
    }

    [Fact]
    public async Task Generate_AtTheSameMoment_StoresOneBriefing()
    {
        var ids = await Task.WhenAll(
            Service.GenerateAsync(BriefingKind.Weekly, FirstWeekOfJune, "定时生成"),
            Service.GenerateAsync(BriefingKind.Weekly, FirstWeekOfJune, "领导甲"));

        Assert.Equal(ids[0], ids[1]);
        await using var db = _fixture.Database.CreateDbContext();
        Assert.Equal(1, await db.Briefings.CountAsync());
    }

    [Fact]
    public async Task GenerateDue_RunTwice_MakesLastWeekAndLastMonthOnce()
    {
        Assert.Equal(2, await Service.GenerateDueAsync());
        Assert.Equal(0, await Service.GenerateDueAsync());

        var list = await Service.ListAsync();
        Assert.Contains(list, b => b.Kind == BriefingKind.Weekly && b.PeriodStart == new DateOnly(2026, 6, 8) && b.GeneratedBy == BriefingService.ScheduledBy);
        Assert.Contains(list, b => b.Kind == BriefingKind.Monthly && b.PeriodStart == new DateOnly(2026, 5, 1));
    }

    [Fact]
    public async Task Generate_PeriodNotEnded_IsRefused()
    {
        var thisWeek = BriefingSchedule.PeriodContaining(BriefingKind.Weekly, new DateOnly(2026, 6, 20));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Service.GenerateAsync(BriefingKind.Weekly, thisWeek, "领导甲"));
        Assert.Contains("尚未结束", error.Message);
    }

    [Fact]
    public async Task Content_HasFiguresAgainstPreviousWeek_AdoptedSuggestions_AndEmptyHotIssues()
    {
        var id = await Service.GenerateAsync(BriefingKind.Weekly, FirstWeekOfJune, "领导甲");
        var briefing = (await Service.GetAsync(id))!;

        var c = briefing.Content;
        Assert.Equal(4, c.Current.Received);
        Assert.Equal(new DateRange(new DateOnly(2026, 5, 25), new DateOnly(2026, 5, 31)), c.PreviousPeriod);
        var adopted = Assert.Single(c.AdoptedSuggestions);
        Assert.Equal(("住建局", Adoption.Adopted), (adopted.Department, adopted.Adoption));
        Assert.Empty(c.HotIssues);
        Assert.Empty(c.Spikes);
        Assert.Contains(c.Satisfaction, s => s.Department == "交通局" && s.Dissatisfied == 1);
        Assert.Equal("群众意见分析研判周报（2026年6月1日—6月7日）", briefing.Title);
    }

    [Fact]
    public async Task Content_IsASnapshot_LaterOpinionsDoNotChangeIt()
    {
        var id = await Service.GenerateAsync(BriefingKind.Monthly, new DateRange(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)), "领导甲");
        await using (var db = _fixture.Database.CreateDbContext())
        {
            db.Opinions.Add(Opinion.Submit(new OpinionSubmission(OpinionKind.Question, OpinionChannel.Hotline, "补录", "补录", null, null, null, true, false),
                "LATECODE01", ActorRef.Resident, StatisticsFixture.Local(2026, 5, 10)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, (await Service.GetAsync(id))!.Content.Current.Received);
    }
}
