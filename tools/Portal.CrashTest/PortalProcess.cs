using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.CrashTest;

/// <summary>
/// The real portal, started from its build output as a separate process over a temporary database.
/// Shared with the benchmark suite (bench/Portal.Bench links this file).
/// </summary>
internal sealed class PortalProcess : IDisposable
{
    private readonly Process _process;

    private PortalProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts Portal.Web.dll on a free loopback port and waits until <paramref name="readyPath"/> answers 200.
    /// <paramref name="settings"/> (environment variables, e.g. <c>RateLimits__SubmissionsPerHour</c>) override the
    /// defaults below; <paramref name="output"/> sees every line the portal writes (stdout and stderr).
    /// </summary>
    public static async Task<PortalProcess> StartAsync(
        string portalDll, string workDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? settings = null, Action<string>? output = null, string readyPath = "/health/live")
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(portalDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { portalDll, "--urls", address.ToString() })
            start.ArgumentList.Add(arg);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Path"] = Path.Combine(workDirectory, "portal.db"),
            ["DataProtection__KeysPath"] = Path.Combine(workDirectory, "keys"),
            ["Routing__ModelsPath"] = Path.Combine(workDirectory, "models"),
            ["Routing__TrainAtFirstStart"] = "false",
            ["Portal__SeedDemoData"] = "false",
            ["Supervision__Enabled"] = "false",
            ["HotIssues__BackgroundGrouping"] = "false",
            // Many clients share one loopback address and post at machine speed; the limits and the bot trap are not under test.
            ["RateLimits__SubmissionsPerHour"] = "10000",
            ["BotTrap__MinimumFillSeconds"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new List<string>();
        void Capture(string? line)
        {
            if (line is null)
                return;
            lock (log)
            {
                if (log.Count >= 200)
                    log.RemoveAt(0);
                log.Add(line);
            }

            output?.Invoke(line);
        }

        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var portal = new PortalProcess(process, address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(new Uri(address, readyPath)).ConfigureAwait(false)).StatusCode == HttpStatusCode.OK)
                    return portal;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        portal.Kill();
        lock (log)
            throw new InvalidOperationException($"The portal did not come up within {timeout.TotalSeconds:0} s:{Environment.NewLine}{string.Join(Environment.NewLine, log.TakeLast(40))}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no chance to finish a request.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
