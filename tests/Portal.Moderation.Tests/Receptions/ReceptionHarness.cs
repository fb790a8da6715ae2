using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data.Receptions;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Receptions;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Receptions;

/// <summary>The reception services over a fresh migrated SQLite file, with a clock the test moves.</summary>
public sealed class ReceptionHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero); // 10:00 in Asia/Shanghai

    private ReceptionHarness(TestDatabase db)
    {
        Db = db;
        var time = new DeadlinePolicy(Options.Create(new WorkflowOptions()));
        var options = Options.Create(new ReceptionOptions { BookingClosesHoursBefore = 24 });
        Booking = new ReceptionBookingService(db, Clock, options, NullLogger<ReceptionBookingService>.Instance);
        Admin = new ReceptionAdminService(db, time, Clock, NullLogger<ReceptionAdminService>.Instance);
        Queries = new ReceptionQueries(db, time, Clock, options);
        Calendar = new ReceptionCalendar(Queries, Clock);
    }

    public TestDatabase Db { get; }

    public ManualTimeProvider Clock { get; } = new(Start);

    public ReceptionBookingService Booking { get; }

    public ReceptionAdminService Admin { get; }

    public ReceptionQueries Queries { get; }

    public ReceptionCalendar Calendar { get; }

    public static StaffActor Moderator { get; } = new("moderator-id", "审核员 周敏", new HashSet<string> { StaffRoles.Moderator }, null);

    public static StaffActor Handler { get; } = new("handler-id", "承办人", new HashSet<string> { StaffRoles.Handler }, 1);

    public static async Task<ReceptionHarness> CreateAsync()
    {
        var db = new TestDatabase();
        await db.MigrateAsync();
        return new ReceptionHarness(db);
    }

    public Task<int> HostAsync() =>
        Admin.CreateHostAsync("陈建国", "县委副书记", "党建、信访", ReceptionHostKind.Leader, 12, Moderator);

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
