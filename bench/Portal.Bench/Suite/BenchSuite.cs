using Portal.Bench.Data;
using Portal.Bench.Load;

namespace Portal.Bench.Suite;

/// <summary>How long and how hard: the full run, or a few seconds per step for development (--quick).</summary>
public sealed record BenchSettings(bool Quick, string RepositoryRoot, string PortalDll, int Opinions = 100_000)
{
    public TimeSpan PageDuration => TimeSpan.FromSeconds(Quick ? 5 : 10);

    public TimeSpan SubmissionDuration => TimeSpan.FromSeconds(Quick ? 5 : 60);

    public int WarmUpRequests => Quick ? 5 : 30;

    public int Connections { get; init; } = 32;

    public IReadOnlyList<int> Residents { get; init; } = [16, 64];
}

/// <summary>
/// Runs the parts in order, each portal run on a fresh copy of the generated data:
/// 1. the ceiling and 2. public pages with the output cache (and, on the same portal, 4–5 in the browser and
/// 3. submissions); 2. again without the output cache; 6. SQL commands per page with the per-request SQL log.
/// </summary>
public static class BenchSuite
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSettings settings, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rows = new List<BenchRow>();
        var (database, data) = await BenchData.EnsureAsync(Path.Combine(settings.RepositoryRoot, "bench", "data"), settings.Opinions, log, ct).ConfigureAwait(false);
        var pages = PublicPages.For(data);
        var work = Path.Combine(Path.GetTempPath(), "portal-bench");
        Directory.CreateDirectory(work);

        double ceiling;
        using (var portal = await PortalRun.StartAsync(settings.PortalDll, database, new PortalMode("缓存", OutputCache: true), log).ConfigureAwait(false))
        {
            await PublicPages.WarmUpAsync(portal.Address, pages, settings.WarmUpRequests, ct).ConfigureAwait(false);
            (ceiling, var ceilingRows) = await MeasureCeilingAsync(settings, portal.Address, work, log, ct).ConfigureAwait(false);
            rows.AddRange(ceilingRows);

            log.WriteLine($"2. 公开页面（输出缓存开启，{settings.Connections} 连接，每页 {settings.PageDuration.TotalSeconds:0} 秒）");
            rows.AddRange(await PublicPages.MeasureAsync(portal.Address, pages, cached: true, ceiling, settings.Connections, settings.PageDuration, work, log, ct).ConfigureAwait(false));

            rows.AddRange(await RunBrowserAsync(new BenchPortal(new Uri(portal.Address, "/"), BenchData.Moderator, BenchData.StaffPassword,
                pages.Select(p => p.Path.TrimStart('/')).ToList(), portal.ProcessId), log, ct).ConfigureAwait(false));

            log.WriteLine($"3. 提交意见（每轮 {settings.SubmissionDuration.TotalSeconds:0} 秒）");
            foreach (var residents in settings.Residents)
                rows.AddRange(await MeasureSubmissionsAsync(portal, residents, settings.SubmissionDuration, log, ct).ConfigureAwait(false));
        }

        using (var portal = await PortalRun.StartAsync(settings.PortalDll, database, new PortalMode("无缓存", OutputCache: false), log).ConfigureAwait(false))
        {
            await PublicPages.WarmUpAsync(portal.Address, pages, settings.WarmUpRequests, ct).ConfigureAwait(false);
            log.WriteLine($"2. 公开页面（输出缓存关闭：OutputCache__Enabled=false）");
            rows.AddRange(await PublicPages.MeasureAsync(portal.Address, pages, cached: false, ceiling, settings.Connections, settings.PageDuration, work, log, ct).ConfigureAwait(false));
        }

        using (var portal = await PortalRun.StartAsync(settings.PortalDll, database, new PortalMode("SQL 计数", OutputCache: false, LogSqlCommands: true), log).ConfigureAwait(false))
        {
            log.WriteLine("6. 每次页面渲染的 SQL 命令数（Diagnostics__LogDbCommandsPerRequest=true，无缓存）");
            rows.AddRange(await PublicPages.CountSqlCommandsAsync(portal, pages, log, ct).ConfigureAwait(false));
        }

        return rows;
    }

    /// <summary>Part 1: the size of the real list page, then the minimal endpoint serving that many bytes under wrk.</summary>
    private static async Task<(double RequestsPerSecond, List<BenchRow> Rows)> MeasureCeilingAsync(
        BenchSettings settings, Uri portal, string work, TextWriter log, CancellationToken ct)
    {
        using var http = new HttpClient();
        var bytes = (await http.GetByteArrayAsync(new Uri(portal, "/published"), ct).ConfigureAwait(false)).Length;
        var self = typeof(BenchSuite).Assembly.Location;
        var server = Path.Combine(work, "ceiling-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(server);
        try
        {
            using var ceiling = await Portal.CrashTest.PortalProcess.StartAsync(self, server, TimeSpan.FromSeconds(30),
                new Dictionary<string, string> { [CeilingServer.BytesVariable] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                readyPath: "/").ConfigureAwait(false);
            using (var warm = new HttpClient())
            {
                for (var i = 0; i < settings.WarmUpRequests; i++)
                    await warm.GetByteArrayAsync(ceiling.Address, ct).ConfigureAwait(false);
            }

            var r = await Wrk.RunAsync(ceiling.Address, settings.Connections, settings.PageDuration, work, ct).ConfigureAwait(false);
            log.WriteLine($"1. 上限（最小 ASP.NET Core 端点，返回与 /published 同大小的 {bytes:N0} 字节）：{Wrk.Describe(r)}");
            return (r.RequestsPerSecond, [
                new BenchRow("上限", $"最小端点 {bytes / 1024.0:F0} KB（/published 的大小）吞吐", r.RequestsPerSecond, "req/s", RatioToCeiling: 1),
                new BenchRow("上限", "最小端点 p95", r.P95Ms, "ms"),
            ]);
        }
        finally
        {
            Directory.Delete(server, recursive: true);
        }
    }

    private static async Task<List<BenchRow>> MeasureSubmissionsAsync(PortalRun portal, int residents, TimeSpan duration, TextWriter log, CancellationToken ct)
    {
        var r = await SubmissionLoad.RunAsync(portal.Address, portal.DatabasePath, residents, duration, ct).ConfigureAwait(false);
        log.WriteLine($"  {residents} 位居民：{r.AcceptedPerSecond:F1} 条/秒，POST p50 {r.PostP50Ms:F0} ms p95 {r.PostP95Ms:F0} ms，"
            + $"全流程 p95 {r.FlowP95Ms:F0} ms，回执 {r.Receipts}，新增行 {r.RowsCreated}，回执缺行 {r.ReceiptsMissing}，5xx {r.ServerErrors}，其他失败 {r.OtherFailures}");
        var section = "提交意见";
        var name = $"{residents} 位居民";
        return
        [
            new(section, $"{name} 受理", r.AcceptedPerSecond, "条/秒", "≥ 100", r.AcceptedPerSecond >= 100),
            new(section, $"{name} POST p95", r.PostP95Ms, "ms", "≤ 250", r.PostP95Ms <= 250),
            new(section, $"{name} GET 表单 + POST p95", r.FlowP95Ms, "ms"),
            new(section, $"{name} 5xx", r.ServerErrors, "count", "0", r.ServerErrors == 0),
            new(section, $"{name} 回执 {r.Receipts} / 新增行 {r.RowsCreated}（回执缺行）", r.ReceiptsMissing, "count", "回执 == 行",
                r.ReceiptsMissing == 0 && r.Receipts == r.RowsCreated),
            new(section, $"{name} 其他失败（4xx、超时、无回执）", r.OtherFailures, "count"),
        ];
    }

    /// <summary>
    /// Parts 4 and 5 (staff circuits, page loads in headless Chromium) live in Browser/ (BrowserBench, another
    /// branch). The one call below is compiled when the project defines BROWSER_BENCH, which Portal.Bench.csproj
    /// does as soon as Browser/BrowserBench.cs exists.
    /// </summary>
    private static async Task<IReadOnlyList<BenchRow>> RunBrowserAsync(BenchPortal portal, TextWriter log, CancellationToken ct)
    {
#if BROWSER_BENCH
        log.WriteLine("4–5. 浏览器（工作人员电路内存与交互往返；公开页面 FCP/LCP/传输字节）");
        return await Portal.Bench.Browser.BrowserBench.RunAsync(portal, log, ct).ConfigureAwait(false);
#else
        _ = portal;
        _ = ct;
        log.WriteLine("4–5. 浏览器部分未编入（没有 Browser/BrowserBench.cs）");
        return await Task.FromResult<IReadOnlyList<BenchRow>>([]).ConfigureAwait(false);
#endif
    }
}
