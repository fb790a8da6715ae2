using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Moderation.Analysis;
using Portal.Moderation.Opinions;

namespace Portal.Web.Tests.Dashboard;

/// <summary>
/// A SQLite file of its own with two departments and five opinions (Beijing time, now = 2026-06-20 12:00):
/// this month 住建局 ×2 and 交通局 ×1, last month 住建局 ×2. Deleted afterwards.
/// </summary>
internal sealed class DashboardTestData : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<PortalDbContext> _options;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"portal-web-dashboard-{Guid.NewGuid():N}.db");

    public DashboardTestData()
    {
        _options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = _file }.ToString())
            .Options;
        Queries = new StatisticsQueries(this, new DeadlinePolicy(Options.Create(new WorkflowOptions())), new FixedClock(Local(6, 20, 12)));
    }

    public StatisticsQueries Queries { get; }

    public Department Urban { get; } = new() { Code = "urban", Name = "住建局", Category = "城乡建设" };

    public Department Transport { get; } = new() { Code = "transport", Name = "交通局", Category = "交通出行" };

    public static DateTime Local(int month, int day, int hour = 9) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    public async Task InitializeAsync()
    {
        await new DatabaseInitializer(this, NullLogger<DatabaseInitializer>.Instance).MigrateAsync();
        await using var db = CreateDbContext();
        db.Departments.AddRange(Urban, Transport);
        await db.SaveChangesAsync();
        var n = 0;
        foreach (var (department, month, day) in new[] { (Urban, 6, 2), (Urban, 6, 3), (Transport, 6, 5), (Urban, 5, 10), (Urban, 5, 12) })
        {
            var at = Local(month, day);
            var opinion = Opinion.Submit(new OpinionSubmission(OpinionKind.Suggestion, OpinionChannel.OpinionBox, "标题", "内容", "城关镇", null, null, true, false),
                $"DASHCODE{++n:D2}", ActorRef.Resident, at);
            opinion.Register(new ActorRef("mod", "审核员"), at.AddHours(1));
            opinion.AssignTo(department, at.AddDays(15), new ActorRef("mod", "审核员"), at.AddHours(2));
            db.Opinions.Add(opinion);
        }

        await db.SaveChangesAsync();
    }

    public PortalDbContext CreateDbContext() => new(_options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
        return ValueTask.CompletedTask;
    }

    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow);
    }
}
