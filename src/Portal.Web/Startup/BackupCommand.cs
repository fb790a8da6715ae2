using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Backups;

namespace Portal.Web.Startup;

/// <summary>
/// Backups for administrators (see README, "Backups"):
/// <code>
/// dotnet run --project src/Portal.Web -- backup create [--to FILE]      online, while the portal runs
/// dotnet run --project src/Portal.Web -- backup verify FILE             integrity, checksum and row counts
/// dotnet run --project src/Portal.Web -- backup restore FILE            only with the portal stopped
/// </code>
/// The database is the configured <c>Database:Path</c>; backups go to <c>Backups:Folder</c> unless --to says otherwise.
/// </summary>
public static class BackupCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "backup";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var root = app.Environment.ContentRootPath;
        var database = PortalDataExtensions.ResolvePath(root, app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Path);
        var folder = PortalDataExtensions.ResolvePath(root, app.Services.GetRequiredService<IOptions<BackupOptions>>().Value.Folder);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        try
        {
            return (args.ElementAtOrDefault(1), args.ElementAtOrDefault(2)) switch
            {
                ("create", _) => await CreateAsync(database, Option(args, "--to") ?? Path.Combine(folder, SqliteBackup.FileName(now)), now).ConfigureAwait(false),
                ("verify", { } file) => await VerifyAsync(Path.GetFullPath(file)).ConfigureAwait(false),
                ("restore", { } file) => await RestoreAsync(Path.GetFullPath(file), database, now).ConfigureAwait(false),
                _ => await UsageAsync().ConfigureAwait(false),
            };
        }
        catch (BackupException ex)
        {
            await Console.Error.WriteLineAsync("backup: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> CreateAsync(string database, string target, DateTime now)
    {
        var manifest = await SqliteBackup.CreateAsync(database, Path.GetFullPath(target), now).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"Backup of {database} written to {Path.GetFullPath(target)}").ConfigureAwait(false);
        await PrintCountsAsync(manifest.RowCounts).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"integrity ok, sha256 {manifest.Sha256}, manifest {SqliteBackup.ManifestPath(target)}").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> VerifyAsync(string file)
    {
        var check = await SqliteBackup.VerifyAsync(file).ConfigureAwait(false);
        await PrintCountsAsync(check.RowCounts).ConfigureAwait(false);
        foreach (var problem in check.Problems)
            await Console.Error.WriteLineAsync("problem: " + problem).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(check.IsSound ? $"{file}: sound (integrity ok, checksum and row counts match the manifest)" : $"{file}: NOT sound").ConfigureAwait(false);
        return check.IsSound ? 0 : 1;
    }

    private static async Task<int> RestoreAsync(string file, string database, DateTime now)
    {
        var result = await SqliteBackup.RestoreAsync(file, database, now).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"{database} restored from {file}").ConfigureAwait(false);
        await PrintCountsAsync(result.RowCounts).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(result.PreviousKeptAs is { } kept
            ? $"The database it replaced is kept as {kept}"
            : "There was no database to replace.").ConfigureAwait(false);
        return 0;
    }

    private static async Task PrintCountsAsync(IReadOnlyDictionary<string, long> counts)
    {
        foreach (var (table, rows) in counts.Where(c => c.Value > 0))
            await Console.Out.WriteLineAsync($"  {table,-32} {rows,10}").ConfigureAwait(false);
    }

    private static async Task<int> UsageAsync()
    {
        await Console.Error.WriteLineAsync("usage: backup create [--to <file>] | backup verify <file> | backup restore <file>  (restore only with the portal stopped)").ConfigureAwait(false);
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
