using System.Diagnostics;
using Microsoft.Playwright;

namespace Portal.Bench.Browser;

/// <summary>
/// Part 4 of the suite: the server memory each live staff circuit costs, and the interactive round trip with 25
/// staff members working at once. The page is the moderation queue (/staff/queue, a moderator's start page): a
/// MudTabs with a MudDataGrid per tab over the whole queue, the heaviest everyday staff workspace. The action is a
/// tab switch: a Blazor event to the server, a render of the other tab's grid, a DOM diff back.
/// </summary>
internal sealed class StaffCircuitBench(IBrowser browser, BenchPortal portal, TextWriter log)
{
    public const string Section = "staff circuits";

    public const string StaffPage = "staff/queue";

    private const double CircuitTargetMb = 2;
    private const int RoundTripSessions = 25;
    private const int ClicksPerSession = 20;
    private const int WarmUpSessions = 3;
    private const double Megabyte = 1024 * 1024;

    private static readonly int[] CircuitCounts = [10, 25, 50];

    private readonly List<StaffSession> _sessions = [];
    private readonly HeapProbe _heap = new(portal.ServerProcessId, log);

    public async Task<IReadOnlyList<BenchRow>> RunAsync(CancellationToken cancellationToken)
    {
        var storageState = await SignInAsync();
        try
        {
            await WarmUpAsync(storageState, cancellationToken);
            var rows = new List<BenchRow>();
            rows.AddRange(await MeasureMemoryAsync(storageState, cancellationToken));
            rows.AddRange(await MeasureRoundTripAsync(cancellationToken));
            await CloseAsync(_sessions.Count);
            log.WriteLine($"  after closing every session: {await _heap.MeasureMbAsync(cancellationToken):0.00} MB ({_heap.What}; circuits end when their page is left)");
            return rows;
        }
        finally
        {
            await CloseAsync(_sessions.Count);
        }
    }

    private async Task<string> SignInAsync()
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = portal.BaseUrl.ToString(), Locale = "zh-CN" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");
        await page.FillAsync("#username", portal.StaffUser);
        await page.FillAsync("#password", portal.StaffPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/staff", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    /// <summary>A few circuits that click around and leave, so that the baseline already has the page's code and caches warm.</summary>
    private async Task WarmUpAsync(string storageState, CancellationToken cancellationToken)
    {
        await OpenUntilAsync(WarmUpSessions, storageState, cancellationToken);
        foreach (var session in _sessions)
        {
            await session.ClickTabAsync(1);
            await session.ClickTabAsync(0);
        }
        await CloseAsync(_sessions.Count);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
    }

    private async Task<IReadOnlyList<BenchRow>> MeasureMemoryAsync(string storageState, CancellationToken cancellationToken)
    {
        var points = new List<(double Circuits, double Mb)> { (0, await _heap.MeasureMbAsync(cancellationToken)) };
        foreach (var count in CircuitCounts)
        {
            var started = Stopwatch.StartNew();
            await OpenUntilAsync(count, storageState, cancellationToken);
            log.WriteLine($"  {count} circuits on /{StaffPage} live after {started.Elapsed.TotalSeconds:0.0} s");
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            points.Add((count, await _heap.MeasureMbAsync(cancellationToken)));
        }

        var slope = Figures.Slope(points);
        foreach (var (circuits, mb) in points)
            log.WriteLine($"  {_heap.What} with {circuits,2} circuits: {mb:0.00} MB");
        var rows = points
            .Select(p => new BenchRow(Section, $"{_heap.What} with {p.Circuits} circuits on /{StaffPage}", Math.Round(p.Mb, 2), "MB"))
            .ToList();
        rows.Add(new BenchRow(Section, $"{_heap.What} per circuit on /{StaffPage} (least-squares slope over 0/10/25/50)",
            Math.Round(slope, 3), "MB", $"≤ {CircuitTargetMb}", slope <= CircuitTargetMb));
        return rows;
    }

    /// <summary>
    /// 25 sessions live, all clicking at once with a short think time; click-to-DOM-change over every click. One
    /// session clicking alone first, for the log: what the round trip costs without contention. The browser's 25
    /// renderers share the machine with the server, so the figure is an upper bound on what staff would see; the
    /// server's CPU time per switch tells how much of it is the server's.
    /// </summary>
    private async Task<IReadOnlyList<BenchRow>> MeasureRoundTripAsync(CancellationToken cancellationToken)
    {
        await CloseAsync(_sessions.Count - RoundTripSessions);
        var alone = await ClickRepeatedlyAsync(_sessions[0], new Random(-1), cancellationToken);
        log.WriteLine($"  round trip, one session clicking alone ({RoundTripSessions} open): p50 {Figures.Percentile(alone, 50):0} ms, p95 {Figures.Percentile(alone, 95):0} ms");
        using var server = Process.GetProcessById(portal.ServerProcessId);
        var serverCpu = server.TotalProcessorTime;
        var timings = await Task.WhenAll(_sessions.Select((s, i) => ClickRepeatedlyAsync(s, new Random(i), cancellationToken)));
        server.Refresh();
        var all = timings.SelectMany(t => t).ToList();
        var p50 = Figures.Percentile(all, 50);
        var p95 = Figures.Percentile(all, 95);
        // Every click of the run (the unmeasured ones too) against the server process's CPU time over the run.
        var cpuPerSwitch = (server.TotalProcessorTime - serverCpu).TotalMilliseconds / (RoundTripSessions * (ClicksPerSession + 2));
        log.WriteLine($"  round trip, {RoundTripSessions} sessions clicking at once ({all.Count} tab switches): p50 {p50:0} ms, p95 {p95:0} ms, max {all.Max():0} ms; server CPU {cpuPerSwitch:0.0} ms per switch");
        return
        [
            new BenchRow(Section, $"interactive round trip p50 ({RoundTripSessions} live sessions, tab switch on /{StaffPage})", Math.Round(p50, 1), "ms"),
            new BenchRow(Section, $"interactive round trip p95 ({RoundTripSessions} live sessions, tab switch on /{StaffPage})", Math.Round(p95, 1), "ms"),
            new BenchRow(Section, $"server CPU time per tab switch on /{StaffPage} (during the {RoundTripSessions}-session run)", Math.Round(cpuPerSwitch, 1), "ms"),
        ];
    }

    private static async Task<List<double>> ClickRepeatedlyAsync(StaffSession session, Random random, CancellationToken cancellationToken)
    {
        // Two unmeasured switches: the first render of the other tab's grid in this circuit.
        await session.ClickTabAsync(1);
        await session.ClickTabAsync(0);
        var timings = new List<double>(ClicksPerSession);
        for (var i = 0; i < ClicksPerSession; i++)
        {
            await Task.Delay(random.Next(100, 400), cancellationToken);
            timings.Add(await session.ClickTabAsync((i + 1) % 2));
        }
        return timings;
    }

    private async Task OpenUntilAsync(int count, string storageState, CancellationToken cancellationToken)
    {
        // A few at a time: a burst of sign-ins is not what is measured, and the 2-core machine also runs the browser.
        while (_sessions.Count < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Math.Min(5, count - _sessions.Count);
            _sessions.AddRange(await Task.WhenAll(Enumerable.Range(0, batch)
                .Select(_ => StaffSession.OpenAsync(browser, portal.BaseUrl, storageState, StaffPage))));
        }
    }

    private async Task CloseAsync(int count)
    {
        var closing = _sessions.TakeLast(count).ToList();
        _sessions.RemoveRange(_sessions.Count - closing.Count, closing.Count);
        await Task.WhenAll(closing.Select(s => s.DisposeAsync().AsTask()));
    }

    /// <summary>
    /// The portal's managed heap after a forced full GC (EventPipe). Should the diagnostics channel not answer, the
    /// process's working set after a pause instead — a much coarser figure, labelled as such in every row (decided at
    /// the first measurement, so that one series never mixes the two).
    /// </summary>
    private sealed class HeapProbe(int processId, TextWriter log)
    {
        private bool _fallback;
        private bool _measured;

        public string What => _fallback ? "server working set (fallback: EventPipe failed)" : "server managed heap after full GC";

        public async Task<double> MeasureMbAsync(CancellationToken cancellationToken)
        {
            if (!_fallback)
            {
                try
                {
                    // Twice: the first collection can leave objects for the finalizer that the second one frees.
                    await ServerHeap.CollectAndMeasureAsync(processId, cancellationToken);
                    var heap = await ServerHeap.CollectAndMeasureAsync(processId, cancellationToken);
                    _measured = true;
                    return heap / Megabyte;
                }
                catch (Exception e) when (e is not OperationCanceledException && !_measured)
                {
                    log.WriteLine($"  EventPipe GC failed ({e.GetType().Name}: {e.Message}); falling back to the working set");
                    _fallback = true;
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            using var process = Process.GetProcessById(processId);
            return process.WorkingSet64 / Megabyte;
        }
    }
}
