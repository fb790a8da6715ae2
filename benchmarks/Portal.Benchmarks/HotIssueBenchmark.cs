using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data.Staff;
using Portal.Moderation.HotIssues;
using Portal.Moderation.Staff;

namespace Portal.Benchmarks;

/// <summary>
/// Hot issues at scale: 100,000 generated opinions over two years in a separate SQLite file; times the
/// grouping of a 3-month window (target ≤ 10 s), the ranking query over it, and the incremental cost of
/// placing new opinions one at a time and in a batch of 100.
/// </summary>
internal static class HotIssueBenchmark
{
    public static async Task RunAsync(string path, int count, bool reuse, TextWriter output)
    {
        var end = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var start = end.AddYears(-2);
        var generator = new OpinionCorpusGenerator();
        var watch = Stopwatch.StartNew();
        if (reuse && File.Exists(path))
        {
            // Start again from no groups, keeping the generated opinions.
            await using var db = new Portal.Data.PortalDbContext(OpinionCorpusGenerator.Options(path));
            await db.HotIssueEvents.ExecuteDeleteAsync().ConfigureAwait(false);
            await db.HotIssueMembers.ExecuteDeleteAsync().ConfigureAwait(false);
            await db.HotIssueGroups.ExecuteDeleteAsync().ConfigureAwait(false);
            output.WriteLine($"沿用已生成的数据：{path}（{await db.Opinions.CountAsync().ConfigureAwait(false):N0} 条意见）");
        }
        else
        {
            await generator.GenerateAsync(path, count, start, end, n => Console.Error.Write($"\r生成 {n:N0}/{count:N0}")).ConfigureAwait(false);
            Console.Error.WriteLine();
            output.WriteLine($"生成 {count:N0} 条意见（两年，{path}）：{watch.Elapsed.TotalSeconds:F1} 秒");
        }

        var factory = new Factory(path);
        var options = Options.Create(new HotIssueOptions { BackgroundGrouping = false });
        var clock = new FixedClock(end);
        using var grouping = new HotIssueGrouping(factory, options, clock, NullLogger<HotIssueGrouping>.Instance);
        var admin = new StaffActor("bench", "基准测试", new HashSet<string> { StaffRoles.Admin }, null);
        var from = end.AddMonths(-3);

        watch.Restart();
        var cpu = Cpu();
        var placed = await grouping.RebuildAsync(from, end, admin).ConfigureAwait(false);
        var rebuild = watch.Elapsed;
        output.WriteLine($"归并近 3 个月（{placed:N0} 条意见）：{rebuild.TotalSeconds:F2} 秒，CPU {(Cpu() - cpu).TotalSeconds:F2} 秒（目标 ≤ 10 秒）");

        var queries = new HotIssueQueries(factory, options, clock);
        watch.Restart();
        var top = await queries.GetTopAsync(from, end, 10, CancellationToken.None).ConfigureAwait(false);
        output.WriteLine($"热度排行查询（3 个月）：{watch.Elapsed.TotalMilliseconds:F0} 毫秒；分组 {(await queries.ListAsync(new HotIssueFilter(from, end)).ConfigureAwait(false)).Count:N0} 个");
        foreach (var s in top.Take(5))
            output.WriteLine($"  {s.Heat,7:F1}  {s.OpinionCount,4} 条 / {s.DistinctResidents,4} 人  {s.Title}");

        watch.Restart();
        cpu = Cpu();
        var history = await grouping.GroupPendingAsync().ConfigureAwait(false);
        output.WriteLine($"其余历史意见首次归并（{history:N0} 条，分批 2,000 条）：{watch.Elapsed.TotalSeconds:F1} 秒，CPU {(Cpu() - cpu).TotalSeconds:F1} 秒");

        var singles = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            await generator.AddOneAsync(path, end.AddMinutes(i)).ConfigureAwait(false);
            watch.Restart();
            await grouping.GroupPendingAsync().ConfigureAwait(false);
            singles.Add(watch.Elapsed.TotalMilliseconds);
        }

        singles.Sort();
        output.WriteLine($"增量：逐条新增 20 条，每条归并用时 中位数 {singles[singles.Count / 2]:F0} 毫秒，最大 {singles[^1]:F0} 毫秒");

        for (var i = 0; i < 100; i++)
            await generator.AddOneAsync(path, end.AddHours(1).AddMinutes(i)).ConfigureAwait(false);
        output.WriteLine($"（测量时机器负载 {MachineInfo.Describe().Split("负载 ")[^1]}：共享的 2 核机器上墙钟时间受其他进程影响，CPU 时间更可比）");
        watch.Restart();
        var batch = await grouping.GroupPendingAsync().ConfigureAwait(false);
        output.WriteLine($"增量：一次归并 {batch} 条新意见 {watch.Elapsed.TotalMilliseconds:F0} 毫秒（每条 {watch.Elapsed.TotalMilliseconds / Math.Max(1, batch):F1} 毫秒）");
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private sealed class Factory(string path) : Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>
    {
        public Portal.Data.PortalDbContext CreateDbContext() => new(OpinionCorpusGenerator.Options(path));
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
