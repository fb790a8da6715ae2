using System.Collections.Concurrent;
using Portal.Bench.Data;
using Portal.CrashTest;

namespace Portal.Bench.Suite;

/// <summary>How a portal run is configured: with or without the output cache, with or without the per-request SQL log.</summary>
/// <param name="Name">For the log ("缓存", "无缓存", "SQL 计数").</param>
/// <param name="OutputCache">OutputCache__Enabled (read by the portal; default true).</param>
/// <param name="LogSqlCommands">Diagnostics__LogDbCommandsPerRequest and its log category at Information.</param>
public sealed record PortalMode(string Name, bool OutputCache, bool LogSqlCommands = false);

/// <summary>
/// The portal in Production from its Release build, as a child process (<see cref="PortalProcess"/>, shared with
/// the crash test) on a loopback port, over a fresh copy of the generated database in a temporary folder (keys and
/// router models there too). The rate limits are raised for the benchmark client (every request comes from
/// 127.0.0.1) and the bot trap's minimum fill time is 0; the router is not trained (opinions are routed by hand,
/// a prediction costs ~0.06 ms), background grouping and supervision are off so they do not compete for the CPU.
/// Disposing kills the process and deletes the folder.
/// </summary>
public sealed class PortalRun : IDisposable
{
    private const string RaisedLimit = "100000";

    private readonly PortalProcess _process;
    private readonly string _work;

    private PortalRun(PortalProcess process, string work, string databasePath, ConcurrentQueue<string> output)
    {
        _process = process;
        _work = work;
        DatabasePath = databasePath;
        Output = output;
    }

    public Uri Address => _process.Address;

    public int ProcessId => _process.ProcessId;

    /// <summary>The copy of the generated database this run writes to.</summary>
    public string DatabasePath { get; }

    /// <summary>Every line the portal wrote, as it arrives (the SQL-count step reads them).</summary>
    public ConcurrentQueue<string> Output { get; }

    public static async Task<PortalRun> StartAsync(string portalDll, string generatedDatabase, PortalMode mode, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(mode);
        var work = Path.Combine(Path.GetTempPath(), "portal-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var database = Path.Combine(work, "portal.db");
        BenchData.CopyTo(generatedDatabase, database);
        var settings = new Dictionary<string, string>
        {
            ["RateLimits__SubmissionsPerHour"] = RaisedLimit,
            ["RateLimits__TrackingPostsPerMinute"] = RaisedLimit,
            ["RateLimits__LoginsPerMinute"] = RaisedLimit,
            ["RateLimits__OtherPostsPerMinute"] = RaisedLimit,
            ["BotTrap__MinimumFillSeconds"] = "0",
            ["OutputCache__Enabled"] = mode.OutputCache ? "true" : "false",
        };
        if (mode.LogSqlCommands)
        {
            settings["Diagnostics__LogDbCommandsPerRequest"] = "true";
            settings["Logging__LogLevel__Portal.Web.Diagnostics"] = "Information";
        }

        var output = new ConcurrentQueue<string>();
        try
        {
            var process = await PortalProcess.StartAsync(portalDll, work, TimeSpan.FromSeconds(120), settings, output.Enqueue, "/health/ready").ConfigureAwait(false);
            log.WriteLine($"门户（{mode.Name}）：{process.Address}，进程 {process.ProcessId}");
            return new PortalRun(process, work, database, output);
        }
        catch
        {
            TryDelete(work);
            throw;
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TryDelete(_work);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
