using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Benchmarks.Data;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation;
using Portal.Moderation.Seeding;
using Portal.Moderation.Staff;

namespace Portal.Bench.Data;

/// <summary>What the generated database holds that the measurements need (written next to it, read back when it is reused).</summary>
/// <param name="Version">The generator's version: a database from another version is generated again.</param>
/// <param name="Opinions">Opinions generated.</param>
/// <param name="GeneratedAt">When (UTC).</param>
/// <param name="PublishedOpinionId">A publicly listed opinion (for the detail page).</param>
/// <param name="FilterDepartmentId">A department for the list page's filter.</param>
/// <param name="FilterMonth">A reply month (yyyy-MM) for the list page's filter.</param>
public sealed record BenchDataInfo(int Version, int Opinions, DateTime GeneratedAt, int PublishedOpinionId, int FilterDepartmentId, string FilterMonth);

/// <summary>
/// The suite's own database (never the development App_Data): <see cref="OpinionGenerator"/>'s opinions over two
/// years with replies and ratings, supports on published ones, pledges (<see cref="PledgeGenerator"/>), the demo
/// reception schedule and two staff accounts. Generated once into bench/data and reused while its marker file
/// matches the count and <see cref="Version"/>; each portal run works on a copy, so the cache stays as generated.
/// </summary>
public static class BenchData
{
    /// <summary>Bump when the generated content changes.</summary>
    public const int Version = 1;

    public const string Moderator = "bench-moderator";
    public const string Handler = "bench-handler";

    /// <summary>Twelve characters or more (the portal's rule); the accounts exist only in the generated database.</summary>
    public const string StaffPassword = "bench-staff-password-2026";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Returns the database file and what it holds, generating it when the cache does not match.</summary>
    public static async Task<(string Path, BenchDataInfo Info)> EnsureAsync(string directory, int opinions, TextWriter log, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"portal-bench-{opinions}.db");
        var marker = path + ".json";
        if (File.Exists(path) && File.Exists(marker)
            && JsonSerializer.Deserialize<BenchDataInfo>(await File.ReadAllTextAsync(marker, ct).ConfigureAwait(false)) is { } cached
            && cached.Version == Version && cached.Opinions == opinions)
        {
            log.WriteLine($"数据：沿用 {path}（{opinions:N0} 条意见，生成于 {cached.GeneratedAt:yyyy-MM-dd HH:mm} UTC）");
            return (path, cached);
        }

        foreach (var stale in new[] { path, path + "-wal", path + "-shm", marker })
            File.Delete(stale);
        var watch = Stopwatch.StartNew();
        log.WriteLine($"数据：生成 {opinions:N0} 条意见（两年）到 {path} …");
        var info = await GenerateAsync(path, opinions, log, ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(marker, JsonSerializer.Serialize(info, Json), ct).ConfigureAwait(false);
        log.WriteLine($"数据：生成完毕，{watch.Elapsed.TotalSeconds:F0} 秒，{new FileInfo(path).Length / 1048576.0:F0} MB");
        return (path, info);
    }

    /// <summary>Copies the generated database for one portal run (the portal writes to its copy).</summary>
    public static void CopyTo(string path, string destination) => File.Copy(path, destination, overwrite: true);

    private static async Task<BenchDataInfo> GenerateAsync(string path, int count, TextWriter log, CancellationToken ct)
    {
        using var host = BuildHost(path);
        var services = host.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct).ConfigureAwait(false);
            await scope.ServiceProvider.GetRequiredService<IdentitySetup>().EnsureRolesAsync().ConfigureAwait(false);
            await scope.ServiceProvider.GetRequiredService<Portal.Moderation.Supervision.CalendarSeeder>().SeedAsync(ct).ConfigureAwait(false);
        }

        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var now = DateTime.UtcNow;
        await new OpinionGenerator().GenerateAsync(dbFactory, count, 730, now,
            done => { if (done % 20_000 == 0) log.WriteLine($"  已生成 {done:N0} 条…"); }).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReceptionDemoSeeder>().SeedAsync(ct).ConfigureAwait(false);
            await CreateStaffAsync(scope.ServiceProvider, ct).ConfigureAwait(false);
        }

        var pledges = await new PledgeGenerator().GenerateAsync(dbFactory, now, ct).ConfigureAwait(false);
        var supports = await SupportGenerator.GenerateAsync(dbFactory, now, ct).ConfigureAwait(false);
        log.WriteLine($"  承诺 {pledges:N0} 条，附议 {supports:N0} 条，接访日程（演示数据），工作人员账号 {Moderator}、{Handler}");

        var info = await DescribeAsync(dbFactory, count, now, ct).ConfigureAwait(false);
        await CheckpointAsync(path).ConfigureAwait(false);
        return info;
    }

    /// <summary>The portal's data and workflow registrations plus Identity, over <paramref name="path"/>, never started.</summary>
    private static IHost BuildHost(string path)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = Path.GetDirectoryName(path),
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = path,
            ["Database:BusyTimeoutMs"] = "10000",
            ["Workflow:TimeZone"] = "Asia/Shanghai",
        });
        builder.Services.AddLogging();
        builder.AddPortalData();
        builder.AddPortalModeration();
        // The portal's length-only password rule (StaffIdentityExtensions).
        builder.Services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>();
        return builder.Build();
    }

    private static async Task CreateStaffAsync(IServiceProvider services, CancellationToken ct)
    {
        var staff = services.GetRequiredService<StaffAdminService>();
        int transport;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct).ConfigureAwait(false))
            transport = await db.Departments.Where(d => d.Code == "transport").Select(d => d.Id).SingleAsync(ct).ConfigureAwait(false);
        foreach (var input in new[]
        {
            new NewStaffInput { UserName = Moderator, DisplayName = "基准测试审核员", Password = StaffPassword, Role = StaffRoles.Moderator },
            new NewStaffInput { UserName = Handler, DisplayName = "基准测试承办人", Password = StaffPassword, Role = StaffRoles.Handler, DepartmentId = transport },
        })
        {
            var errors = await staff.CreateAsync(input, ct).ConfigureAwait(false);
            if (errors.Count > 0)
                throw new InvalidOperationException($"Could not create {input.UserName}: {string.Join("; ", errors)}");
        }
    }

    private static async Task<BenchDataInfo> DescribeAsync(IDbContextFactory<PortalDbContext> dbFactory, int count, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var listed = db.Opinions.AsNoTracking().Where(o => o.Status == OpinionStatus.Published && o.ConsentToPublish);
        var latest = await listed.OrderByDescending(o => o.PublishedAt).Select(o => new { o.Id, o.PublishedAt }).FirstAsync(ct).ConfigureAwait(false);
        var department = await listed.GroupBy(o => o.DepartmentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct).ConfigureAwait(false);
        var month = latest.PublishedAt!.Value.AddHours(8).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return new BenchDataInfo(Version, count, now, latest.Id, department ?? 1, month);
    }

    /// <summary>Folds the WAL into the file so that copying the one file copies everything.</summary>
    private static async Task CheckpointAsync(string path)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
