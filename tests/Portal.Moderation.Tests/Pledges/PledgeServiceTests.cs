using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Pledges;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Pledges;

public sealed class PledgeServiceTests : IAsyncLifetime
{
    /// <summary>2026-03-01 10:00 Beijing time.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly string TokenA = new('a', 40);
    private static readonly string TokenB = new('b', 40);

    private readonly TestDatabase _database = new();
    private readonly ManualTimeProvider _clock = new(Start);
    private readonly PledgeService _service;
    private readonly PledgeQueries _queries;
    private readonly PledgeEvaluationService _evaluation;

    private readonly StaffActor _moderator = new("mod-1", "审核员甲", new HashSet<string> { StaffRoles.Moderator }, null);
    private readonly StaffActor _admin = new("admin-1", "管理员丁", new HashSet<string> { StaffRoles.Admin }, null);
    private readonly StaffActor _handler = new("hand-1", "承办人丙", new HashSet<string> { StaffRoles.Handler }, 1);

    public PledgeServiceTests()
    {
        var time = new DeadlinePolicy(Options.Create(new WorkflowOptions()));
        _service = new PledgeService(_database, time, _clock, new StaffAudit(NullLoggerFactory.Instance, _clock), NullLogger<PledgeService>.Instance);
        var options = Options.Create(new PledgeOptions());
        _queries = new PledgeQueries(_database, time, _clock, options);
        _evaluation = new PledgeEvaluationService(_database, time, _clock, options, new StaffAudit(NullLoggerFactory.Instance, _clock), NullLogger<PledgeEvaluationService>.Instance);
    }

    public Task InitializeAsync() => _database.MigrateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Lifecycle_CreatePublishProgressFulfilEvaluate_AppendsHistory()
    {
        var id = await CreateAsync();
        await _service.PublishAsync(id, 0, _moderator);
        await _service.AddProgressAsync(id, 1, new DateOnly(2026, 3, 1), "  走访 5 户  ", _moderator);
        await _service.MarkFulfilledAsync(id, 2, "完成", _moderator);
        await _evaluation.OpenRoundAsync(2026, _admin);
        await _service.RateAsync(id, SatisfactionRating.Satisfied, null, TokenA);
        await _evaluation.CloseRoundAsync(2026, _admin);

        await using var db = _database.CreateDbContext();
        var pledge = await db.Pledges.Include(p => p.Events).Include(p => p.Progress).SingleAsync(p => p.Id == id);
        Assert.Equal(PledgeStatus.Evaluated, pledge.Status);
        Assert.Equal("走访 5 户", Assert.Single(pledge.Progress).Text);
        Assert.Equal(
            [PledgeAction.Proposed, PledgeAction.Published, PledgeAction.ProgressAdded, PledgeAction.Fulfilled, PledgeAction.Evaluated],
            pledge.Events.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Equal("管理员丁", pledge.Events.OrderBy(e => e.Id).Last().ActorName);
        Assert.Equal((PledgeGrade.Excellent, 100m), (pledge.Grade, pledge.Score));
    }

    [Fact]
    public async Task Create_ByAHandler_IsDenied() =>
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _service.CreateAsync(Input(), _handler));

    [Fact]
    public async Task Create_WithoutTitle_IsRefusedInChinese()
    {
        var input = Input();
        input.Title = "   ";

        var error = await Assert.ThrowsAsync<ValidationException>(() => _service.CreateAsync(input, _moderator));

        Assert.Equal("请填写承诺事项。", error.Message);
    }

    [Fact]
    public async Task Publish_Twice_IsRefusedWithTheEntityMessage()
    {
        var id = await CreateAsync();
        await _service.PublishAsync(id, 0, _moderator);

        var error = await Assert.ThrowsAsync<PledgeStateException>(() => _service.PublishAsync(id, 1, _moderator));

        Assert.Equal("承诺“为独居老人每月上门一次”当前状态为“公示中”，不能执行“公示”。", error.Message);
    }

    [Fact]
    public async Task Publish_WithAStaleVersion_IsRefused()
    {
        var id = await CreateAsync();

        var error = await Assert.ThrowsAsync<PledgeStateException>(() => _service.PublishAsync(id, 5, _moderator));

        Assert.Equal("该承诺刚刚已被他人修改，请刷新后再操作。", error.Message);
    }

    [Fact]
    public async Task AddProgress_InTheFuture_IsRefused()
    {
        var id = await CreateAsync();
        await _service.PublishAsync(id, 0, _moderator);

        var error = await Assert.ThrowsAsync<PledgeStateException>(() => _service.AddProgressAsync(id, 1, new DateOnly(2026, 3, 2), "明天的事", _moderator));

        Assert.Equal("进展日期不能晚于今天。", error.Message);
    }

    [Fact]
    public async Task MarkOverdue_MarksOnlyPublishedPledgesPastTheirLocalDueDay()
    {
        var pastDue = await CreateAsync(due: new DateOnly(2026, 3, 10));
        var onTime = await CreateAsync(due: new DateOnly(2026, 3, 11));
        var notPublished = await CreateAsync(due: new DateOnly(2026, 3, 10));
        var fulfilled = await CreateAsync(due: new DateOnly(2026, 3, 10));
        foreach (var id in new[] { pastDue, onTime, fulfilled })
            await _service.PublishAsync(id, 0, _moderator);
        await _service.MarkFulfilledAsync(fulfilled, 1, null, _moderator);

        // 2026-03-11 00:30 Beijing time: 3-10 has ended locally although it is still 3-10 in UTC.
        var now = new DateTime(2026, 3, 10, 16, 30, 0, DateTimeKind.Utc);
        var marked = await _service.MarkOverdueAsync(now);
        var again = await _service.MarkOverdueAsync(now.AddHours(1));

        Assert.Equal((1, 0), (marked, again));
        await using var db = _database.CreateDbContext();
        var statuses = await db.Pledges.ToDictionaryAsync(p => p.Id, p => p.Status);
        Assert.Equal(PledgeStatus.Overdue, statuses[pastDue]);
        Assert.Equal(PledgeStatus.Published, statuses[onTime]);
        Assert.Equal(PledgeStatus.Proposed, statuses[notPublished]);
        Assert.Equal(PledgeStatus.Fulfilled, statuses[fulfilled]);
        var last = await db.PledgeEvents.Where(e => e.PledgeId == pastDue).OrderBy(e => e.Id).LastAsync();
        Assert.Equal((PledgeAction.MarkedOverdue, "系统"), (last.Action, last.ActorName));
    }

    [Fact]
    public async Task Rate_TwiceFromTheSameDevice_StoresOneAndRefusesTheSecondInChinese()
    {
        var id = await PublishedAsync();
        await _evaluation.OpenRoundAsync(2026, _admin);

        var first = await _service.RateAsync(id, SatisfactionRating.Satisfied, "好", TokenA);
        var second = await _service.RateAsync(id, SatisfactionRating.Dissatisfied, null, TokenA);
        var other = await _service.RateAsync(id, SatisfactionRating.Dissatisfied, null, TokenB);

        Assert.Equal(PledgeRatingOutcome.Recorded, first.Outcome);
        Assert.Equal(PledgeRatingOutcome.AlreadyRated, second.Outcome);
        Assert.Equal("您已评价过该承诺，每台设备只能评价一次，感谢您的参与。", second.Message);
        Assert.Equal(PledgeRatingOutcome.Recorded, other.Outcome);
        await using var db = _database.CreateDbContext();
        var stored = await db.PledgeRatings.Where(r => r.PledgeId == id).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored, r => r.DeviceTokenHash == DeviceTokens.Hash(TokenA));
        Assert.DoesNotContain(stored, r => r.DeviceTokenHash == TokenA);
    }

    [Fact]
    public async Task Rate_AProposedPledgeOrWithoutAToken_IsRefused()
    {
        var id = await CreateAsync();

        Assert.Equal(PledgeRatingOutcome.NotFound, (await _service.RateAsync(id, SatisfactionRating.Satisfied, null, TokenA)).Outcome);
        Assert.Equal(PledgeRatingOutcome.NotOpen, (await _service.RateAsync(id, SatisfactionRating.Satisfied, null, "short")).Outcome);
    }

    [Fact]
    public async Task PublicDetail_ShowsTheDistributionPerRating_AndTheTimeline()
    {
        var id = await PublishedAsync();
        await _service.AddProgressAsync(id, 1, new DateOnly(2026, 3, 1), "走访 5 户", _moderator);
        await _evaluation.OpenRoundAsync(2026, _admin);
        var ratings = new[] { SatisfactionRating.Satisfied, SatisfactionRating.Satisfied, SatisfactionRating.Satisfied, SatisfactionRating.Dissatisfied };
        for (var i = 0; i < ratings.Length; i++)
            await _service.RateAsync(id, ratings[i], null, $"{TokenA}{i}");

        var detail = await _queries.GetPublicDetailAsync(id);

        Assert.NotNull(detail);
        Assert.Equal(
            [new RatingCount(SatisfactionRating.Satisfied, 3), new RatingCount(SatisfactionRating.BasicallySatisfied, 0), new RatingCount(SatisfactionRating.Dissatisfied, 1)],
            detail.Distribution);
        Assert.Equal(4, detail.RatingTotal);
        Assert.Equal(["承诺公示，接受群众监督", "走访 5 户"], detail.Timeline.Select(t => t.Text));
    }

    [Fact]
    public async Task PublicQueries_HideProposedPledges_AndFilter()
    {
        var proposed = await CreateAsync();
        var annual = await PublishedAsync();
        var immediate = await CreateAsync(kind: PledgeKind.Immediate, branch: "卫健局机关党支部");
        await _service.PublishAsync(immediate, 0, _moderator);

        Assert.Null(await _queries.GetPublicDetailAsync(proposed));
        Assert.Equal(2, (await _queries.GetPublicListAsync(new PledgeFilter())).Total);
        Assert.Equal([immediate], (await _queries.GetPublicListAsync(new PledgeFilter(Kind: PledgeKind.Immediate))).Items.Select(i => i.Id));
        Assert.Equal([immediate], (await _queries.GetPublicListAsync(new PledgeFilter(Branch: "卫健局机关党支部"))).Items.Select(i => i.Id));
        Assert.Equal([annual], (await _queries.GetPublicListAsync(new PledgeFilter(Branch: "城关社区党支部", Year: 2026, Status: PledgeStatus.Published))).Items.Select(i => i.Id));
        Assert.Empty((await _queries.GetPublicListAsync(new PledgeFilter(Search: "不存在的词"))).Items);
        Assert.Equal(2, (await _queries.GetPublicListAsync(new PledgeFilter(Search: "独居老人"))).Total);
        Assert.Equal(["卫健局机关党支部", "城关社区党支部"], (await _queries.GetFilterOptionsAsync()).Branches.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StaffList_FlagsDueSoonAndOverdue()
    {
        var soon = await CreateAsync(due: new DateOnly(2026, 3, 10));
        var later = await CreateAsync(due: new DateOnly(2026, 6, 30));
        await _service.PublishAsync(soon, 0, _moderator);
        await _service.PublishAsync(later, 0, _moderator);

        var list = await _queries.GetStaffListAsync(_moderator);
        _clock.Advance(TimeSpan.FromDays(10));
        await _service.MarkOverdueAsync(_clock.GetUtcNow().UtcDateTime);
        var due = (await _queries.GetRemindersAsync(_moderator)).Overdue;

        Assert.True(list.Single(p => p.Id == soon).IsDueSoon);
        Assert.False(list.Single(p => p.Id == later).IsDueSoon);
        var overdue = Assert.Single(due);
        Assert.Equal((soon, PledgeStatus.Overdue, true), (overdue.Id, overdue.Status, overdue.IsOverdue));
    }

    private static NewPledgeInput Input(DateOnly? due = null, PledgeKind kind = PledgeKind.Annual, string branch = "城关社区党支部") => new()
    {
        OwnerName = "刘海燕",
        Branch = branch,
        Kind = kind,
        Year = 2026,
        Title = "为独居老人每月上门一次",
        Content = "每月走访辖区独居老人。",
        Area = "城关镇",
        DueDate = (due ?? new DateOnly(2026, 6, 30)).ToDateTime(TimeOnly.MinValue),
    };

    private Task<int> CreateAsync(DateOnly? due = null, PledgeKind kind = PledgeKind.Annual, string branch = "城关社区党支部") =>
        _service.CreateAsync(Input(due, kind, branch), _moderator);

    private async Task<int> PublishedAsync()
    {
        var id = await CreateAsync();
        await _service.PublishAsync(id, 0, _moderator);
        return id;
    }
}
