using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Moderation.HotIssues;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.HotIssues;

/// <summary>A migrated test database with two departments, the hot-issue services over it and a manual clock.</summary>
public sealed class HotIssueHarness : IAsyncDisposable
{
    private readonly IOptions<HotIssueOptions> _options = Options.Create(new HotIssueOptions());

    private HotIssueHarness()
    {
        Grouping = new HotIssueGrouping(Database, _options, Clock, NullLogger<HotIssueGrouping>.Instance);
        Queries = new HotIssueQueries(Database, _options, Clock);
        Service = new HotIssueService(Database, Clock, NullLogger<HotIssueService>.Instance);
        Spikes = new SpikeDetector(Database, _options);
        Supports = new SupportService(Database, _options, Clock, NullLogger<SupportService>.Instance);
    }

    public TestDatabase Database { get; } = new();

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(HotIssueFixture.Start.AddDays(25)));

    public HotIssueGrouping Grouping { get; }

    public HotIssueQueries Queries { get; }

    public HotIssueService Service { get; }

    public SpikeDetector Spikes { get; }

    public SupportService Supports { get; }

    public Department Urban { get; private set; } = default!;

    public Department Environment { get; private set; } = default!;

    public static async Task<HotIssueHarness> CreateAsync()
    {
        var harness = new HotIssueHarness();
        await harness.Database.MigrateAsync();
        await using var db = harness.Database.CreateDbContext();
        harness.Urban = new Department { Code = "urban", Name = "住建局", Category = "城乡建设" };
        harness.Environment = new Department { Code = "env", Name = "生态环境局", Category = "环境保护" };
        db.Departments.AddRange(harness.Urban, harness.Environment);
        await db.SaveChangesAsync();
        return harness;
    }

    /// <summary>Stores registered opinions (assigned when a department is given, published when asked); returns their ids.</summary>
    public async Task<List<int>> AddAsync(IEnumerable<(string Title, string Body, string? Area, DateTime At, string? Contact)> items, Department? department = null, bool publish = false)
    {
        await using var db = Database.CreateDbContext();
        if (department is not null)
            db.Attach(department);
        var opinions = new List<Opinion>();
        foreach (var (title, body, area, at, contact) in items)
        {
            var opinion = Opinion.Submit(new OpinionSubmission(OpinionKind.Complaint, OpinionChannel.OpinionBox, title, body, area, "居民", contact, false, true),
                TrackingCodes.New(), ActorRef.Resident, at);
            opinion.Register(ActorRef.System, at);
            if (department is not null)
                opinion.AssignTo(department, at.AddDays(15), ActorRef.System, at);
            if (publish && department is not null)
            {
                opinion.Accept(ActorRef.System, at);
                opinion.Complete(new HandlingResultDraft("已处理", "已经处理完毕。", Adoption.Adopted, null, "负责人"), ActorRef.System, at);
                opinion.Publish(title, body, "已经处理完毕。", ActorRef.System, at);
            }

            opinions.Add(opinion);
        }

        db.Opinions.AddRange(opinions);
        await db.SaveChangesAsync();
        return opinions.Select(o => o.Id).ToList();
    }

    /// <summary>The fixture's messages, stored; returns the database id of each message in fixture order.</summary>
    public Task<List<int>> AddFixtureAsync() =>
        AddAsync(HotIssueFixture.Documents().Select(d => (d.Title, d.Body, d.Area, d.At, (string?)$"1380000{d.OpinionId:0000}")));

    public ValueTask DisposeAsync()
    {
        Grouping.Dispose();
        return Database.DisposeAsync();
    }
}
