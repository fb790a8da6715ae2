using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Data.Backups;

/// <summary>
/// An exclusive lock on "&lt;database&gt;.lock" held while a portal runs, so that a restore can tell a running
/// database from a stopped one. The operating system releases it when the process ends, even on kill -9.
/// </summary>
public sealed class DatabaseInUseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseInUseLock(FileStream file) => _file = file;

    /// <summary>The lock, or null when another process (or another host in this one) holds it.</summary>
    public static DatabaseInUseLock? TryAcquire(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        try
        {
            return new DatabaseInUseLock(new FileStream(databasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>Holds <see cref="DatabaseInUseLock"/> for as long as the portal runs.</summary>
internal sealed partial class DatabaseInUseLockHolder(IOptions<DatabaseOptions> options, IHostEnvironment environment, ILogger<DatabaseInUseLockHolder> logger)
    : IHostedService, IDisposable
{
    private DatabaseInUseLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = PortalDataExtensions.ResolvePath(environment.ContentRootPath, options.Value.Path);
        _lock = DatabaseInUseLock.TryAcquire(path);
        if (_lock is null)
            LogShared(logger); // another instance on the same file: it already protects the file from a restore
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another portal process holds the database lock; this one runs on the same file")]
    private static partial void LogShared(ILogger logger);
}
