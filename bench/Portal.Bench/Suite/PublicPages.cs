using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Bench.Data;
using Portal.Bench.Load;

namespace Portal.Bench.Suite;

/// <summary>A public page measured by the suite.</summary>
/// <param name="Name">Short Chinese name for the table.</param>
/// <param name="Path">Path and query, starting with '/'.</param>
public sealed record PublicPage(string Name, string Path);

/// <summary>Part 2 (public read pages under wrk) and part 6 (SQL commands per page render).</summary>
public static partial class PublicPages
{
    /// <summary>What the issue names: home, the published list (plain and with its filters), a detail, pledges, the schedule.</summary>
    public static IReadOnlyList<PublicPage> For(BenchDataInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return
        [
            new("首页", "/"),
            new("公示列表", "/published"),
            new("公示列表·筛选", $"/published?dept={data.FilterDepartmentId}&kind=Complaint&month={data.FilterMonth}"),
            new("公示列表·关键词", "/published?q=东关社区"),
            new("公示详情", $"/published/{data.PublishedOpinionId}"),
            new("承诺列表", "/pledges"),
            new("接访日程", "/receptions"),
        ];
    }

    /// <summary>Sequential requests so that the JIT, EF's compiled queries and SQLite's page cache are warm before timing.</summary>
    public static async Task WarmUpAsync(Uri portal, IEnumerable<PublicPage> pages, int requestsEach, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = portal, Timeout = TimeSpan.FromSeconds(60) };
        foreach (var page in pages)
        {
            for (var i = 0; i < requestsEach; i++)
            {
                using var response = await http.GetAsync(new Uri(page.Path, UriKind.Relative), ct).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>Each page under wrk at <paramref name="connections"/> connections: req/s (and its ratio to the ceiling), p50/p95/p99.</summary>
    public static async Task<List<BenchRow>> MeasureAsync(
        Uri portal, IEnumerable<PublicPage> pages, bool cached, double ceiling, int connections, TimeSpan duration, string work, TextWriter log, CancellationToken ct)
    {
        var rows = new List<BenchRow>();
        var variant = cached ? "缓存" : "无缓存";
        foreach (var page in pages)
        {
            var r = await Wrk.RunAsync(new Uri(portal, page.Path), connections, duration, work, ct).ConfigureAwait(false);
            log.WriteLine($"  {page.Name,-10} {variant,-4} {Wrk.Describe(r)}");
            var isList = page.Path == "/published";
            var section = "公开页面";
            var measure = $"{page.Name} {page.Path} {variant}";
            var ratio = ceiling > 0 ? r.RequestsPerSecond / ceiling : (double?)null;
            (string? Target, bool? Met) throughput = isList
                ? cached ? ("≥ 50 % 上限", ratio >= 0.5) : ("≥ 500", r.RequestsPerSecond >= 500)
                : (null, null);
            rows.Add(new BenchRow(section, measure + " 吞吐", r.RequestsPerSecond, "req/s", throughput.Target, throughput.Met, ratio));
            rows.Add(new BenchRow(section, measure + " p50", r.P50Ms, "ms"));
            rows.Add(new BenchRow(section, measure + " p95", r.P95Ms, "ms",
                isList && !cached ? "≤ 150" : null, isList && !cached ? r.P95Ms <= 150 : null));
            rows.Add(new BenchRow(section, measure + " p99", r.P99Ms, "ms"));
            if (r.Non2xx > 0 || r.SocketErrors > 0)
                rows.Add(new BenchRow(section, measure + " 错误", r.Non2xx + r.SocketErrors, "count", "0", false));
        }

        return rows;
    }

    /// <summary>
    /// Part 6: with Diagnostics:LogDbCommandsPerRequest on, the portal logs "SQL commands for {Method} {Path}: {Count}"
    /// (event 9101) once per request. Each page is requested once, one after the other (after a warm-up), and the
    /// count is read from the portal's output; "n/a" (no row value, Met null) when the portal does not log it.
    /// </summary>
    public static async Task<List<BenchRow>> CountSqlCommandsAsync(PortalRun portal, IEnumerable<PublicPage> pages, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var list = pages.ToList();
        await WarmUpAsync(portal.Address, list, 2, ct).ConfigureAwait(false);
        await Task.Delay(500, ct).ConfigureAwait(false);
        portal.Output.Clear();
        using var http = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromSeconds(60) };
        var rows = new List<BenchRow>();
        foreach (var page in list)
        {
            using (var response = await http.GetAsync(new Uri(page.Path, UriKind.Relative), ct).ConfigureAwait(false))
                response.EnsureSuccessStatusCode();
            var path = page.Path.Split('?')[0];
            var count = await WaitForCountAsync(portal, path, TimeSpan.FromSeconds(3), ct).ConfigureAwait(false);
            log.WriteLine($"  {page.Name,-10} {(count is { } c ? c.ToString(CultureInfo.InvariantCulture) : "n/a（门户未输出 SQL 计数日志）")}");
            rows.Add(count is { } n
                ? new BenchRow("SQL", $"{page.Name} {page.Path} SQL 命令数", n, "count", "≤ 5", n <= 5)
                : new BenchRow("SQL", $"{page.Name} {page.Path} SQL 命令数 n/a（门户未输出该日志）", double.NaN, "count", "≤ 5", null));
        }

        return rows;
    }

    private static async Task<int?> WaitForCountAsync(PortalRun portal, string path, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            while (portal.Output.TryDequeue(out var line))
            {
                if (SqlCountLine().Match(line) is { Success: true } m && m.Groups["method"].Value == "GET" && m.Groups["path"].Value == path)
                    return int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture);
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>The message of event 9101 as the console logger prints it.</summary>
    [GeneratedRegex(@"SQL commands for (?<method>[A-Z]+) (?<path>\S+): (?<count>\d+)")]
    private static partial Regex SqlCountLine();
}
