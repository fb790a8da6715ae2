using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Data.Backups;

/// <summary>
/// Takes a verified online backup every <see cref="BackupOptions.IntervalHours"/> when <see cref="BackupOptions.Enabled"/>
/// (at start when the newest one is older than that), then applies the retention rules. A failed run is logged and
/// retried at the next interval; it never stops the portal.
/// </summary>
internal sealed partial class ScheduledBackupService(
    IOptions<BackupOptions> backupOptions,
    IOptions<DatabaseOptions> databaseOptions,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<ScheduledBackupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = backupOptions.Value;
        if (!options.Enabled)
            return;
        var interval = TimeSpan.FromHours(options.IntervalHours);
        var folder = PortalDataExtensions.ResolvePath(environment.ContentRootPath, options.Folder);
        try
        {
            if (BackupRetention.Newest(folder) is not { } newest || clock.GetUtcNow().UtcDateTime - newest.TakenAtUtc >= interval)
                await RunOnceAsync(folder, stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(interval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                await RunOnceAsync(folder, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One backup and the retention pass; failures are logged, not thrown.</summary>
    internal async Task RunOnceAsync(string folder, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var target = Path.Combine(folder, SqliteBackup.FileName(now));
        try
        {
            var database = PortalDataExtensions.ResolvePath(environment.ContentRootPath, databaseOptions.Value.Path);
            var manifest = await SqliteBackup.CreateAsync(database, target, now, ct).ConfigureAwait(false);
            LogBackedUp(logger, target, manifest.RowCounts.Values.Sum());
            foreach (var removed in BackupRetention.Apply(folder, backupOptions.Value.KeepCount, TimeSpan.FromDays(backupOptions.Value.KeepDays), now))
                LogRemoved(logger, removed);
        }
        catch (Exception ex) when (ex is BackupException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            LogFailed(logger, target, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled backup written to {Path} ({Rows} rows, integrity ok)")]
    private static partial void LogBackedUp(ILogger logger, string path, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Old backup {Path} removed by the retention rules")]
    private static partial void LogRemoved(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup to {Path} failed; the next one is tried at the next interval")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}

/// <summary>The backups in a folder (portal-yyyyMMdd-HHmmss.db with its manifest) and the retention rules.</summary>
public static class BackupRetention
{
    public static IReadOnlyList<(string Path, DateTime TakenAtUtc)> List(string folder) =>
        !Directory.Exists(folder)
            ? []
            : [.. Directory.GetFiles(folder, "portal-*.db")
                .Select(path => (Path: path, Taken: TakenAt(path)))
                .Where(b => b.Taken is not null)
                .Select(b => (b.Path, b.Taken!.Value))
                .OrderByDescending(b => b.Item2)];

    public static (string Path, DateTime TakenAtUtc)? Newest(string folder) => List(folder) is [var newest, ..] ? newest : null;

    /// <summary>Deletes all but the <paramref name="keepCount"/> newest backups and those older than <paramref name="keepFor"/>; the newest always stays.</summary>
    public static IReadOnlyList<string> Apply(string folder, int keepCount, TimeSpan keepFor, DateTime utcNow)
    {
        var backups = List(folder);
        var removed = new List<string>();
        for (var i = 1; i < backups.Count; i++)
        {
            var (path, takenAt) = backups[i];
            if (i < keepCount && utcNow - takenAt <= keepFor)
                continue;
            File.Delete(path);
            File.Delete(SqliteBackup.ManifestPath(path));
            removed.Add(path);
        }

        return removed;
    }

    private static DateTime? TakenAt(string path) =>
        DateTime.TryParseExact(Path.GetFileNameWithoutExtension(path)["portal-".Length..], "yyyyMMdd-HHmmss",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : null;
}
