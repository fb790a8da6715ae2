using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data.Receptions;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Receptions;
using Portal.Moderation.Routing;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Receptions;

/// <summary>The reception services over a fresh migrated SQLite file, with a clock the test moves.</summary>
public sealed class ReceptionHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero); // 10:00 in Asia/Shanghai

    private ReceptionHarness(TestDatabase db, ReceptionOptions receptionOptions)
    {
        Db = db;
        var workflowOptions = Options.Create(new WorkflowOptions());
        var time = new DeadlinePolicy(workflowOptions);
        var options = Options.Create(receptionOptions);
        Booking = new ReceptionBookingService(db, Clock, options, NullLogger<ReceptionBookingService>.Instance);
        Admin = new ReceptionAdminService(db, time, Clock, options, new StaffAudit(NullLoggerFactory.Instance, Clock), NullLogger<ReceptionAdminService>.Instance);
        Directory = new ReceptionDirectoryService(db, options, new StaffAudit(NullLoggerFactory.Instance, Clock));
        Queries = new ReceptionQueries(db, time, Clock, options);
        Calendar = new ReceptionCalendar(Queries, Clock);
        Frequency = new ReceptionFrequencyService(db, time, Clock);
        var router = new RouterHost(Clock, NullLogger<RouterHost>.Instance);
        Workflow = new OpinionWorkflowService(db, new ManualRouter(), new AutoAssignPolicy(router, new RoutingCatalog(db, Clock)), time,
            new OpinionNotifier(), Clock, workflowOptions, NullLogger<OpinionWorkflowService>.Instance);
        Records = new InterviewRecordService(db, Workflow, time, Clock, NullLogger<InterviewRecordService>.Instance);
    }

    public TestDatabase Db { get; }

    public ManualTimeProvider Clock { get; } = new(Start);

    public ReceptionBookingService Booking { get; }

    public ReceptionAdminService Admin { get; }

    public ReceptionQueries Queries { get; }

    public ReceptionCalendar Calendar { get; }

    public ReceptionDirectoryService Directory { get; }

    public ReceptionFrequencyService Frequency { get; }

    public OpinionWorkflowService Workflow { get; }

    public InterviewRecordService Records { get; }

    public static StaffActor Moderator { get; } = new("moderator-id", "审核员 周敏", new HashSet<string> { StaffRoles.Moderator }, null);

    public static StaffActor Handler { get; } = new("handler-id", "承办人", new HashSet<string> { StaffRoles.Handler }, 1);

    public static StaffActor Leader { get; } = new("leader-id", "县委副书记", new HashSet<string> { StaffRoles.Leader }, null);

    /// <summary>
    /// The harness with <paramref name="options"/>; by default booking closes 24 hours ahead and sessions may be
    /// published one day ahead (the publish-ahead tests set their own rule).
    /// </summary>
    public static async Task<ReceptionHarness> CreateAsync(ReceptionOptions? options = null)
    {
        var db = new TestDatabase();
        await db.MigrateAsync();
        return new ReceptionHarness(db, options ?? new ReceptionOptions { BookingClosesHoursBefore = 24, PublishDaysAhead = 1 });
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public Task<int> HostAsync() => HostAsync("陈建国", "县委副书记", ReceptionHostKind.Leader, 12);

    public Task<int> HostAsync(string name, string post, ReceptionHostKind kind, int requiredReceptions, int requiredVisits = 0) =>
        Directory.SaveHostAsync(null, new HostInput
        {
            Name = name, Post = post, Responsibilities = "党建、信访", Kind = kind,
            RequiredReceptionsPerYear = requiredReceptions, RequiredVisitsPerYear = requiredVisits,
        }, Moderator);

    /// <summary>A session starting <paramref name="daysAhead"/> days from the start, at 09:00 local time, for 3 hours.</summary>
    public async Task<int> SessionAsync(int capacity = 3, int daysAhead = 7, int? hostId = null)
    {
        var host = hostId ?? await HostAsync();
        var day = new DateTime(2026, 3, 2).AddDays(daysAhead);
        return await Admin.CreateSessionAsync(host, day.AddHours(9), day.AddHours(12), null, "清河县人民来访接待中心", ReceptionMethod.FixedPlace,
            "城乡建设", capacity, Moderator);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
