using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Portal.CrashTest;

// Crash test: residents submit opinions from concurrent clients, the portal is killed with SIGKILL mid-load and
// restarted; every opinion whose receipt was shown must be in the database, and the database must be intact.
//   dotnet run --project tools/Portal.CrashTest -- [--clients 8] [--kill-after 150] [--portal path/to/Portal.Web.dll]
// Exit code 0 when nothing acknowledged was lost; 1 when something was (or the file is damaged); 2 when the test could not run.
var clients = IntOption("--clients", 8);
var killAfter = IntOption("--kill-after", 150);
var portalDll = Option("--portal") ?? FindPortalBuild();
if (portalDll is null || !File.Exists(portalDll))
{
    Console.Error.WriteLine("crash-test: no build of Portal.Web found; build the solution first (dotnet build) or pass --portal.");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "portal-crash-test", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    var startTimeout = TimeSpan.FromSeconds(90);
    var clock = Stopwatch.StartNew();
    var acknowledged = new ConcurrentBag<string>();
    var attempted = 0;
    using (var portal = await PortalProcess.StartAsync(portalDll, work, startTimeout))
    {
        Console.WriteLine($"crash-test: portal up at {portal.Address} ({clock.Elapsed.TotalSeconds:0.0} s); {clients} clients submitting, SIGKILL after {killAfter} receipts");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var residents = Enumerable.Range(1, clients).Select(n => Task.Run(async () =>
        {
            using var resident = new ResidentClient(portal.Address, n);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Interlocked.Increment(ref attempted);
                    if (await resident.SubmitAsync(stop.Token) is { } code)
                        acknowledged.Add(code);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // the server is gone
                }
            }
        })).ToList();

        while (acknowledged.Count < killAfter && !stop.IsCancellationRequested && residents.Any(r => !r.IsCompleted))
            await Task.Delay(5);
        portal.Kill();
        var acknowledgedAtKill = acknowledged.Count;
        await Task.WhenAll(residents);
        Console.WriteLine($"crash-test: killed with SIGKILL after {clock.Elapsed.TotalSeconds:0.0} s, {acknowledgedAtKill} receipts shown, {Volatile.Read(ref attempted)} submissions attempted");
    }

    // Restart on the same file: SQLite recovers from the WAL as the portal opens it.
    using (var restarted = await PortalProcess.StartAsync(portalDll, work, startTimeout))
    {
        Console.WriteLine($"crash-test: restarted at {restarted.Address}");
        var (stored, integrity) = await InspectAsync(Path.Combine(work, "portal.db"));
        var codes = acknowledged.Select(c => c.Replace("-", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var found = codes.Count(stored.Contains);
        var unacknowledged = stored.Count - found;
        Console.WriteLine($"acknowledged {codes.Count}, found {found}, integrity {integrity}" +
            $" ({unacknowledged} more stored whose receipt was lost in the crash; {clock.Elapsed.TotalSeconds:0.0} s in all)");
        if (codes.Count == 0)
        {
            Console.Error.WriteLine("crash-test: no receipt was shown before the kill; the form may have changed.");
            return 2;
        }

        return found == codes.Count && integrity == "ok" ? 0 : 1;
    }
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("crash-test: " + ex.Message);
    return 2;
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
}

static async Task<(HashSet<string> Codes, string Integrity)> InspectAsync(string databasePath)
{
    await using var db = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
    await db.OpenAsync();
    await using var integrity = db.CreateCommand();
    integrity.CommandText = "PRAGMA integrity_check;";
    var result = (string)(await integrity.ExecuteScalarAsync())!;
    await using var select = db.CreateCommand();
    select.CommandText = "SELECT TrackingCode FROM Opinions;";
    var codes = new HashSet<string>(StringComparer.Ordinal);
    await using var reader = await select.ExecuteReaderAsync();
    while (await reader.ReadAsync())
        codes.Add(reader.GetString(0));
    return (codes, result);
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

int IntOption(string name, int fallback) => int.TryParse(Option(name), out var value) && value > 0 ? value : fallback;

// The newest Debug or Release build of Portal.Web next to this tool in the repository.
static string? FindPortalBuild()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var web = Path.Combine(dir.FullName, "src", "Portal.Web", "bin");
        if (Directory.Exists(web))
        {
            return Directory.GetFiles(web, "Portal.Web.dll", SearchOption.AllDirectories)
                .Where(p => p.Contains("net10.0", StringComparison.Ordinal) && !p.Contains("publish", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
        }
    }

    return null;
}
