using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Pledges;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Pledges;

/// <summary>
/// A test database with the pledge services built by hand over it, a clock that moves only when told, the
/// pledge options (change them before the first call to try other weights), and party members of two branches.
/// </summary>
public sealed class PledgeTestBed : IAsyncDisposable
{
    /// <summary>2026-03-01 10:00 Beijing time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public const string Community = "城关社区党支部";
    public const string Health = "卫健局机关党支部";

    public PledgeTestBed()
    {
        var time = new DeadlinePolicy(Options.Create(new WorkflowOptions()));
        var options = Options.Create(PledgeOptions);
        Service = new PledgeService(Database, time, Clock, new StaffAudit(NullLoggerFactory.Instance, Clock), NullLogger<PledgeService>.Instance);
        Evaluation = new PledgeEvaluationService(Database, time, Clock, options, new StaffAudit(NullLoggerFactory.Instance, Clock), NullLogger<PledgeEvaluationService>.Instance);
        Queries = new PledgeQueries(Database, time, Clock, options);
        EvaluationQueries = new PledgeEvaluationQueries(Database);
        Ledger = new PledgeLedger(Database, time);
    }

    public TestDatabase Database { get; } = new();

    public ManualTimeProvider Clock { get; } = new(Start);

    public PledgeOptions PledgeOptions { get; } = new();

    public PledgeService Service { get; }

    public PledgeEvaluationService Evaluation { get; }

    public PledgeQueries Queries { get; }

    public PledgeEvaluationQueries EvaluationQueries { get; }

    public PledgeLedger Ledger { get; }

    public StaffActor Moderator { get; } = new("mod-1", "审核员甲", new HashSet<string> { StaffRoles.Moderator }, null);

    public StaffActor Leader { get; } = new("leader-1", "领导乙", new HashSet<string> { StaffRoles.Leader }, null);

    public StaffActor Admin { get; } = new("admin-1", "管理员丁", new HashSet<string> { StaffRoles.Admin }, null);

    /// <summary>Secretary of <see cref="Community"/>.</summary>
    public StaffActor Secretary { get; } = Member("sec-1", "王书记");

    public StaffActor Owner { get; } = Member("mem-owner", "刘海燕");

    public StaffActor Peer { get; } = Member("mem-peer", "孙晓东");

    /// <summary>A member of <see cref="Health"/>.</summary>
    public StaffActor Outsider { get; } = Member("mem-health", "张丽");

    public static async Task<PledgeTestBed> CreateAsync()
    {
        var bed = new PledgeTestBed();
        await bed.Database.MigrateAsync();
        await using var db = bed.Database.CreateDbContext();
        db.Users.AddRange(
            User(bed.Secretary, Community, secretary: true),
            User(bed.Owner, Community),
            User(bed.Peer, Community),
            User(bed.Outsider, Health));
        await db.SaveChangesAsync();
        return bed;
    }

    public NewPledgeInput Input(string branch = Community, string? ownerUserId = "mem-owner", DateOnly? due = null, string title = "为独居老人每月上门一次") => new()
    {
        OwnerName = "刘海燕",
        OwnerUserId = ownerUserId,
        Branch = branch,
        Kind = Portal.Data.Pledges.PledgeKind.Annual,
        Year = 2026,
        Title = title,
        Content = "每月走访辖区独居老人。",
        Area = "城关镇",
        DueDate = (due ?? new DateOnly(2026, 6, 30)).ToDateTime(TimeOnly.MinValue),
    };

    /// <summary>A pledge of <paramref name="branch"/> owned by <see cref="Owner"/> (or nobody), published.</summary>
    public async Task<int> PublishedAsync(string branch = Community, string? ownerUserId = "mem-owner", DateOnly? due = null, string title = "为独居老人每月上门一次")
    {
        var id = await Service.CreateAsync(Input(branch, branch == Community ? ownerUserId : null, due, title), Moderator);
        await Service.PublishAsync(id, 0, Moderator);
        return id;
    }

    public async Task<int> FulfilledAsync(string branch = Community, string? ownerUserId = "mem-owner", string title = "为独居老人每月上门一次")
    {
        var id = await PublishedAsync(branch, ownerUserId, title: title);
        await Service.MarkFulfilledAsync(id, 1, null, Moderator);
        return id;
    }

    public async Task RateAsync(int id, params SatisfactionRating[] ratings)
    {
        for (var i = 0; i < ratings.Length; i++)
            Assert.Equal(PledgeRatingOutcome.Recorded, (await Service.RateAsync(id, ratings[i], null, $"device-{id}-{i}-{new string('x', 32)}")).Outcome);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private static StaffActor Member(string id, string name) => new(id, name, new HashSet<string> { StaffRoles.PartyMember }, null);

    private static StaffUser User(StaffActor actor, string branch, bool secretary = false) => new()
    {
        Id = actor.UserId,
        UserName = actor.UserId,
        NormalizedUserName = actor.UserId.ToUpperInvariant(),
        DisplayName = actor.Name,
        PartyBranch = branch,
        IsBranchSecretary = secretary,
    };
}
