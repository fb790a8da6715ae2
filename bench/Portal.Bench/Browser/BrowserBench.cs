using Microsoft.Playwright;

namespace Portal.Bench.Browser;

/// <summary>
/// Parts 4 and 5 of the suite, in Debian's headless Chromium driven by Playwright (no browser is downloaded):
/// page loads of the public pages first, on a quiet portal, then the staff circuits.
/// </summary>
public static class BrowserBench
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchPortal portal, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(log);
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The browser measurements need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium");

        using var playwright = await Playwright.CreateAsync();
        var rows = new List<BenchRow>();

        log.WriteLine("Page load: first visits to the public pages");
        int blazorConnections;
        await using (var browser = await LaunchAsync(playwright))
        {
            var pageLoad = new PageLoadBench(browser, portal, log);
            rows.AddRange(await pageLoad.RunAsync(cancellationToken));
            blazorConnections = pageLoad.BlazorConnections;
        }

        log.WriteLine($"Staff circuits: /{StaffCircuitBench.StaffPage} as {portal.StaffUser}");
        await using (var browser = await LaunchAsync(playwright))
            rows.AddRange(await new StaffCircuitBench(browser, portal, log).RunAsync(cancellationToken));

        rows.Add(new BenchRow(StaffCircuitBench.Section, "/_blazor connections opened by residents' pages (all page-load visits)",
            blazorConnections, "count", "0", blazorConnections == 0));
        return rows;
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
}
