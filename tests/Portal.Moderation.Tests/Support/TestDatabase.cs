using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;

namespace Portal.Moderation.Tests.Support;

/// <summary>
/// A SQLite file of its own for one test, migrated and switched to WAL as at start-up, deleted afterwards.
/// Doubles as the <see cref="IDbContextFactory{TContext}"/> the services take.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<PortalDbContext> _options;

    public TestDatabase(params IInterceptor[] interceptors)
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"portal-moderation-tests-{Guid.NewGuid():N}.db");
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDataExtensions.ConfigureSqlite(builder, FilePath, 5000);
        if (interceptors.Length > 0)
            builder.AddInterceptors(interceptors);
        _options = builder.Options;
    }

    public string FilePath { get; }

    public PortalDbContext CreateDbContext() => new(_options);

    public async Task MigrateAsync() =>
        await new DatabaseInitializer(this, NullLogger<DatabaseInitializer>.Instance).MigrateAsync();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(FilePath + suffix);
        return ValueTask.CompletedTask;
    }
}
