using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Benchmarks.Data;
using Portal.Data;
using Portal.Moderation.Analysis;
using Portal.Moderation.Opinions;

namespace Portal.Benchmarks;

/// <summary>
/// dashboard [--db FILE] [--count N] [--runs N]: generates N opinions over two years into a SQLite file of
/// its own (once; reused while it holds N opinions) and times each dashboard view on it (p50 and max).
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var db = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), "portal-dashboard-benchmark.db");
        var count = int.Parse(Option(args, "--count") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "7", System.Globalization.CultureInfo.InvariantCulture);
        var factory = new Factory(db);
        await new DatabaseInitializer(factory, NullLogger<DatabaseInitializer>.Instance).MigrateAsync().ConfigureAwait(false);

        int existing;
        await using (var context = factory.CreateDbContext())
            existing = await context.Opinions.CountAsync().ConfigureAwait(false);
        if (existing != count)
        {
            if (existing > 0)
            {
                output.WriteLine($"{db} 已有 {existing} 条意见，与 --count {count} 不符：请删除该文件或换一个 --db。");
                return 1;
            }

            var watch = Stopwatch.StartNew();
            await new OpinionGenerator().GenerateAsync(factory, count, 730, DateTime.UtcNow,
                done => { if (done % 20000 == 0) output.WriteLine($"  已生成 {done} 条…"); }).ConfigureAwait(false);
            output.WriteLine($"生成 {count} 条意见（两年）：{watch.Elapsed.TotalSeconds:F1} 秒，文件 {new FileInfo(db).Length / 1048576.0:F0} MB");
        }

        var deadlines = new DeadlinePolicy(Options.Create(new WorkflowOptions()));
        var queries = new StatisticsQueries(factory, deadlines, TimeProvider.System);
        var today = queries.Today();
        await using (var context = factory.CreateDbContext())
        {
            var busiest = await context.Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync().ConfigureAwait(false);
            var filters = new (string Name, StatisticsFilter Filter)[]
            {
                ("本月", new(PeriodPresets.Resolve(PeriodPreset.ThisMonth, today))),
                ("本季度", new(PeriodPresets.Resolve(PeriodPreset.ThisQuarter, today))),
                ("近一年", new(new DateRange(today.AddDays(-364), today))),
                ("近两年", new(new DateRange(today.AddDays(-729), today))),
                ("近一年·住建局·投诉", new(new DateRange(today.AddDays(-364), today), busiest, Kind: Portal.Data.Opinions.OpinionKind.Complaint)),
            };

            output.WriteLine($"{count} 条意见，每个视图先预热一次，再计时 {runs} 次（毫秒，服务器端：查询 + 物化 + 计算；CPU：本进程所用处理器时间，含 SQLite，受机器负载影响小）：");
            output.WriteLine();
            output.WriteLine("| 筛选 | 视图 | p50 | max | CPU p50 |");
            output.WriteLine("| --- | --- | ---: | ---: | ---: |");
            foreach (var (name, filter) in filters)
            {
                await Time(output, name, "指标卡（本期+上期）", runs, () => queries.GetFiguresAsync(filter)).ConfigureAwait(false);
                await Time(output, name, "收件趋势（部门、类别）", runs, () => queries.GetVolumeAsync(filter)).ConfigureAwait(false);
                await Time(output, name, "地区前十", runs, () => queries.GetTopAreasAsync(filter)).ConfigureAwait(false);
                await Time(output, name, "各部门满意度", runs, () => queries.GetSatisfactionAsync(filter)).ConfigureAwait(false);
                await Time(output, name, "部门排名", runs, () => queries.GetRankingAsync(filter)).ConfigureAwait(false);
                await Time(output, name, "**整页驾驶舱**", runs, () => queries.GetDashboardAsync(filter)).ConfigureAwait(false);
            }

            using var cache = new MemoryCache(new MemoryCacheOptions());
            await Time(output, "近12个月", "公开统计页（未缓存）", runs, async () =>
            {
                cache.Clear();
                return await new PublicStatisticsQueries(queries, cache, TimeProvider.System).GetAsync().ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task Time<T>(TextWriter output, string filter, string view, int runs, Func<Task<T>> action)
    {
        await action().ConfigureAwait(false);
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            await action().ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
        }

        output.WriteLine($"| {filter} | {view} | {Percentiles.Of(times, 50):F0} | {times.Max():F0} | {Percentiles.Of(cpu, 50):F0} |");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class Factory(string path) : IDbContextFactory<PortalDbContext>
    {
        private readonly DbContextOptions<PortalDbContext> _options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString())
            .Options;

        public PortalDbContext CreateDbContext() => new(_options);
    }
}
