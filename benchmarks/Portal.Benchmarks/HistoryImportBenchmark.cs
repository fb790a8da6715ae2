using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data;
using Portal.Data.Departments;
using Portal.Data.Staff;
using Portal.Moderation;
using Portal.Moderation.History;
using Portal.Moderation.Staff;

namespace Portal.Benchmarks;

/// <summary>
/// Imports a generated file of 10,000 historical messages (two years, 70% answered, departments by name, GBK-free
/// UTF-8 CSV) into a fresh SQLite file through the real services, then imports it again (all duplicates).
/// Target (issue 5): 10,000 rows in ≤ 30 s.
/// </summary>
internal static class HistoryImportBenchmark
{
    private const int Rows = 10_000;

    private static readonly string[] Departments = ["住建局", "交通局", "卫健委", "教育局", "城管执法局", "市场监管局", "民政局"];
    private static readonly string[] Areas = ["城关镇", "东关街道", "西城社区", "幸福小区", "南山村", "河西村", "新区"];
    private static readonly string[] Topics =
    [
        "小区路灯长期不亮，晚上出行不安全", "公交早班车太少，上班赶不上", "学校门口早晚高峰拥堵", "菜市场周边占道经营",
        "老旧小区加装电梯进展缓慢", "夜间施工噪音扰民", "社区卫生服务站排队时间长", "农村饮用水水压不足",
    ];

    public static async Task RunAsync(TextWriter output)
    {
        var directory = Directory.CreateTempSubdirectory("portal-history-bench-");
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Path"] = Path.Combine(directory.FullName, "bench.db"),
            });
            builder.AddPortalData();
            builder.AddPortalModeration();
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            await SeedDepartmentsAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>());

            var csv = Generate();
            var admin = new StaffActor("bench", "基准测试", new HashSet<string> { StaffRoles.Admin }, null);
            var importer = scope.ServiceProvider.GetRequiredService<OpinionHistoryImporter>();

            var read = Stopwatch.StartNew();
            var file = await HistoryFileReader.ReadAsync(new MemoryStream(csv), "history-10000.csv");
            read.Stop();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var first = Stopwatch.StartNew();
            var imported = await importer.ImportAsync(file, new HistoryImportOptions(), admin);
            first.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var again = Stopwatch.StartNew();
            var repeated = await importer.ImportAsync(file, new HistoryImportOptions(), admin);
            again.Stop();

            output.WriteLine($"文件：{Rows} 行，{csv.Length / 1024.0 / 1024.0:0.0} MB CSV；有效 {file.Rows.Count} 行，有误 {file.Errors.Count} 行");
            output.WriteLine($"读取并校验：{read.Elapsed.TotalSeconds:0.00} s");
            output.WriteLine($"首次导入：{first.Elapsed.TotalSeconds:0.00} s，其中本进程 CPU {cpu.TotalSeconds:0.00} s（新增 {imported.Imported}，重复 {imported.Duplicates}）");
            output.WriteLine($"读取+导入合计 {(read.Elapsed + first.Elapsed).TotalSeconds:0.00} s，目标 ≤ 30 s：{((read.Elapsed + first.Elapsed).TotalSeconds <= 30 ? "达到" : "未达到")}（机器繁忙时请看 CPU 时间与负载）");
            output.WriteLine($"再次导入同一文件：{again.Elapsed.TotalSeconds:0.00} s（新增 {repeated.Imported}，重复 {repeated.Duplicates}）");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task SeedDepartmentsAsync(IDbContextFactory<PortalDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Departments.AddRange(Departments.Select((name, i) => new Department { Code = $"d{i}", Name = name, Category = name }));
        await db.SaveChangesAsync();
    }

    /// <summary>A deterministic CSV of <see cref="Rows"/> messages over the two years before now.</summary>
    private static byte[] Generate()
    {
        var random = new Random(20261123);
        var start = DateTime.Now.AddYears(-2);
        var text = new StringBuilder("标题,内容,时间,片区,部门,附议数,答复,答复时间,类型,采纳情况\n");
        for (var i = 0; i < Rows; i++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var area = Areas[random.Next(Areas.Length)];
            var at = start.AddMinutes(random.Next(0, 2 * 365 * 24 * 60 - 30 * 24 * 60));
            var answered = random.NextDouble() < 0.7;
            var replied = at.AddDays(random.Next(1, 20)).AddHours(random.Next(0, 8));
            text.Append(CultureInfo.InvariantCulture,
                $"{area}{topic[..6]}（{i}）,\"{area}居民反映：{topic}，希望有关部门尽快研究解决。编号 {i}，联系电话 138{random.Next(10_000_000, 99_999_999)}。\",{at:yyyy-MM-dd HH:mm},{area},{Departments[random.Next(Departments.Length)]},{random.Next(0, 50)},")
                .Append(answered ? $"\"经核实，已安排专人处理，{topic[..4]}问题将于近期解决。\",{replied:yyyy-MM-dd HH:mm}" : ",")
                .Append(answered ? ",建议,部分采纳\n" : ",建议,\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
