using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Tests;

/// <summary>A migrated SQLite file of its own for one test, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly DbContextOptions<PortalDbContext> _options;

    public SqliteTestDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"portal-data-tests-{Guid.NewGuid():N}.db");
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDataExtensions.ConfigureSqlite(builder, FilePath, 5000);
        _options = builder.Options;
    }

    public string FilePath { get; }

    public PortalDbContext CreateContext() => new(_options);

    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(FilePath + suffix);
    }
}
