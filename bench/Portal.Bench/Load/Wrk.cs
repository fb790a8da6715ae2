using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Portal.Bench.Load;

/// <summary>One wrk run: requests per second, latency percentiles, errors.</summary>
/// <param name="Requests">Completed requests.</param>
/// <param name="Seconds">Duration of the run.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P95Ms">95th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="Non2xx">Responses with status ≥ 400 (wrk's "status errors"; 3xx are counted as answered).</param>
/// <param name="SocketErrors">Connect, read, write errors and timeouts.</param>
/// <param name="Bytes">Bytes read.</param>
public sealed record WrkResult(long Requests, double Seconds, double P50Ms, double P95Ms, double P99Ms, long Non2xx, long SocketErrors, long Bytes)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;
}

/// <summary>
/// Drives Debian's wrk (a fixed number of connections for a fixed time, loopback) and reads the figures from
/// one machine-readable line its Lua <c>done</c> hook prints (wrk's own --latency table has no p95).
/// </summary>
public static class Wrk
{
    /// <summary>The marker of the line <see cref="Script"/> prints.</summary>
    private const string Marker = "PORTAL-BENCH";

    /// <summary>Latencies are in microseconds; status errors are responses with status ≥ 400.</summary>
    private const string Script = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("PORTAL-BENCH %d %d %d %d %d %d %d %d\n",
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
            e.status, e.connect + e.read + e.write + e.timeout, summary.bytes))
        end
        """;

    public static bool IsInstalled() => File.Exists("/usr/bin/wrk") || (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, "wrk")));

    public static async Task<WrkResult> RunAsync(Uri url, int connections, TimeSpan duration, string workDirectory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        var script = Path.Combine(workDirectory, "portal-bench.lua");
        if (!File.Exists(script))
            await File.WriteAllTextAsync(script, Script, ct).ConfigureAwait(false);
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-t", Math.Min(Environment.ProcessorCount, connections).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s",
            "--timeout", "10s",
            "-s", script,
            url.AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        using var kill = ct.Register(() => { try { process.Kill(); } catch (InvalidOperationException) { } });
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        return Parse(await output.ConfigureAwait(false))
            ?? throw new InvalidOperationException($"wrk gave no result for {url} (exit {process.ExitCode}): {await error.ConfigureAwait(false)}");
    }

    /// <summary>Reads the line of <see cref="Script"/>; null when there is none.</summary>
    public static WrkResult? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Marker + " ", StringComparison.Ordinal));
        if (line is null)
            return null;
        var n = line[(Marker.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // No completed request (every one slower than the run): no latency to report, not 0 ms.
        double Ms(long micros) => n[0] > 0 ? micros / 1e3 : double.NaN;
        return new WrkResult(n[0], n[1] / 1e6, Ms(n[2]), Ms(n[3]), Ms(n[4]), n[5], n[6], n[7]);
    }

    /// <summary>For the log: what wrk reported, in one line.</summary>
    public static string Describe(WrkResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{r.RequestsPerSecond,8:F0} req/s  p50 {r.P50Ms:F1} ms  p95 {r.P95Ms:F1} ms  p99 {r.P99Ms:F1} ms");
        if (r.Non2xx > 0 || r.SocketErrors > 0)
            text.Append(CultureInfo.InvariantCulture, $"  错误：状态 {r.Non2xx}，连接 {r.SocketErrors}");
        return text.ToString();
    }
}
