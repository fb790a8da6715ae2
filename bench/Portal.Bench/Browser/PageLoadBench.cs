using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Portal.Bench.Browser;

/// <summary>
/// Part 5 of the suite: each public page loaded as a resident's first visit (a fresh browser context, so an empty
/// cache and no cookies) on a phone-sized viewport. First and largest contentful paint come from the browser's own
/// paint timing; transferred bytes are the transfer sizes of the navigation and every resource it loaded. Each
/// figure is the median of several loads after one unmeasured load (the server's code warm, not the browser's cache).
/// Every load also counts connections to /_blazor: a resident's page must not open a circuit.
/// </summary>
internal sealed class PageLoadBench(IBrowser browser, BenchPortal portal, TextWriter log)
{
    public const string Section = "page load";

    private const int LoadsPerPage = 5;
    private const double FcpTargetMs = 1500;
    private const double LcpTargetMs = 2000;
    private const double ListPageTargetKb = 300;

    /// <summary>
    /// FCP, LCP (the last candidate reported so far), time to the first byte of the page (how much of the paint time
    /// is the server's), and the transferred bytes with each resource's share.
    /// </summary>
    private const string MeasureScript = """
        async () => {
            const lcp = await new Promise(resolve => {
                let last = null;
                new PerformanceObserver(list => { for (const e of list.getEntries()) last = e.startTime; })
                    .observe({ type: 'largest-contentful-paint', buffered: true });
                setTimeout(() => resolve(last), 300);
            });
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
            const ttfb = performance.getEntriesByType('navigation')[0].responseStart;
            const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
            return JSON.stringify({
                fcp, lcp, ttfb,
                resources: entries.map(e => ({ name: e.name, transferSize: e.transferSize, bodySize: e.encodedBodySize, decodedSize: e.decodedBodySize })),
            });
        }
        """;

    /// <summary>Connections to the Blazor hub seen while loading residents' pages (the target is none).</summary>
    public int BlazorConnections { get; private set; }

    public async Task<IReadOnlyList<BenchRow>> RunAsync(CancellationToken cancellationToken)
    {
        var rows = new List<BenchRow>();
        foreach (var path in portal.PublicPaths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await LoadAsync(path);
            var loads = new List<PageLoad>();
            for (var i = 0; i < LoadsPerPage; i++)
                loads.Add(await LoadAsync(path));
            rows.AddRange(Report(path, loads));
        }
        return rows;
    }

    private IEnumerable<BenchRow> Report(string path, IReadOnlyList<PageLoad> loads)
    {
        var name = "/" + path;
        var fcp = Figures.Median(loads.Select(l => l.Fcp ?? throw NoPaint(name, "first contentful paint")));
        var lcp = Figures.Median(loads.Select(l => l.Lcp ?? throw NoPaint(name, "largest contentful paint")));
        var kb = Figures.Median(loads.Select(l => l.TransferredBytes / 1024.0));
        var ttfb = Figures.Median(loads.Select(l => l.Ttfb));
        log.WriteLine($"  {name}: FCP {fcp:0} ms, LCP {lcp:0} ms (first byte of the page after {ttfb:0} ms), {kb:0.0} KB transferred (medians of {loads.Count})");
        foreach (var resource in loads[0].Resources.OrderByDescending(r => r.TransferSize))
            log.WriteLine($"      {resource.TransferSize / 1024.0,7:0.0} KB on the wire, {resource.DecodedSize / 1024.0,7:0.0} KB decoded  {new Uri(resource.Name).PathAndQuery}");

        yield return new BenchRow(Section, $"{name} first contentful paint (median of {loads.Count})", Math.Round(fcp), "ms", $"≤ {FcpTargetMs}", fcp <= FcpTargetMs);
        yield return new BenchRow(Section, $"{name} largest contentful paint (median of {loads.Count})", Math.Round(lcp), "ms", $"≤ {LcpTargetMs}", lcp <= LcpTargetMs);
        var isListPage = path.Split('?')[0].Trim('/') == "published";
        yield return isListPage
            ? new BenchRow(Section, $"{name} transferred on a first visit", Math.Round(kb, 1), "KB", $"≤ {ListPageTargetKb}", kb <= ListPageTargetKb)
            : new BenchRow(Section, $"{name} transferred on a first visit", Math.Round(kb, 1), "KB");
    }

    private static InvalidOperationException NoPaint(string page, string what) =>
        new($"Chromium reported no {what} for {page}.");

    private async Task<PageLoad> LoadAsync(string path)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseUrl.ToString(),
            Locale = "zh-CN",
            ViewportSize = new() { Width = 360, Height = 780 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        page.WebSocket += (_, socket) => CountBlazor(socket.Url);
        page.Request += (_, request) => CountBlazor(request.Url);
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        if (response is null || !response.Ok)
            throw new InvalidOperationException($"/{path} answered {response?.Status.ToString() ?? "nothing"}.");
        var measured = JsonSerializer.Deserialize<Measured>(await page.EvaluateAsync<string>(MeasureScript))
            ?? throw new InvalidOperationException($"/{path}: no paint timing.");
        return new PageLoad(measured.Fcp, measured.Lcp, measured.Ttfb, measured.Resources);
    }

    private void CountBlazor(string url)
    {
        if (new Uri(url).AbsolutePath.StartsWith("/_blazor", StringComparison.Ordinal))
            BlazorConnections++;
    }

    private sealed record PageLoad(double? Fcp, double? Lcp, double Ttfb, IReadOnlyList<Resource> Resources)
    {
        public long TransferredBytes => Resources.Sum(r => r.TransferSize);
    }

    private sealed record Measured(
        [property: JsonPropertyName("fcp")] double? Fcp,
        [property: JsonPropertyName("lcp")] double? Lcp,
        [property: JsonPropertyName("ttfb")] double Ttfb,
        [property: JsonPropertyName("resources")] IReadOnlyList<Resource> Resources);

    private sealed record Resource(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("transferSize")] long TransferSize,
        [property: JsonPropertyName("bodySize")] long BodySize,
        [property: JsonPropertyName("decodedSize")] long DecodedSize);
}
