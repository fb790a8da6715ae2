using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Backups;
using Portal.Data.Opinions;
using Portal.Data.Tests.Opinions;

namespace Portal.Data.Tests.Backups;

public sealed class SqliteBackupTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 7, 3, 15, 0, DateTimeKind.Utc);
    private readonly SqliteTestDatabase _database = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-backup-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Backup_TakenWhileAWriterRuns_IsAConsistentSnapshot_ThatRestoresToTheSameRows()
    {
        await SubmitAsync(20);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested)
                written += await SubmitAsync(1);
            return written;
        });
        await Task.Delay(300);

        var backup = Path.Combine(_folder, SqliteBackup.FileName(Now));
        var manifest = await SqliteBackup.CreateAsync(_database.FilePath, backup, Now);
        await Task.Delay(300);
        await stop.CancelAsync();
        var writtenDuringTheTest = await writer;

        var restored = Path.Combine(_folder, "restored", "portal.db");
        var result = await SqliteBackup.RestoreAsync(backup, restored, Now);

        Assert.True(writtenDuringTheTest > 0, "The writer wrote nothing while the backup ran.");
        Assert.Null(result.PreviousKeptAs);
        Assert.Equal(manifest.RowCounts, result.RowCounts);
        var sourceIds = await OpinionIdsAsync(_database.FilePath);
        var restoredIds = await OpinionIdsAsync(restored);
        // A snapshot: every opinion up to the newest one in the backup, each with its history, and nothing half-written.
        Assert.Equal(sourceIds.Where(id => id <= restoredIds.Max()), restoredIds);
        Assert.True(restoredIds.Count < sourceIds.Count, "The writer went on after the backup, so the source has more.");
        Assert.Equal(restoredIds.Count, manifest.RowCounts["Opinions"]);
        Assert.Equal(manifest.RowCounts["Opinions"], manifest.RowCounts["OpinionEvents"]);
        Assert.True((await SqliteBackup.VerifyAsync(backup)).IsSound);
    }

    [Fact]
    public async Task Verify_ABackupChangedAfterItWasTaken_IsNotSound()
    {
        await SubmitAsync(3);
        var backup = Path.Combine(_folder, SqliteBackup.FileName(Now));
        await SqliteBackup.CreateAsync(_database.FilePath, backup, Now);
        await using (var db = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await db.OpenAsync();
            await using var delete = db.CreateCommand();
            delete.CommandText = "DROP TRIGGER OpinionEvents_NoDelete; DELETE FROM OpinionEvents;";
            await delete.ExecuteNonQueryAsync();
        }

        var check = await SqliteBackup.VerifyAsync(backup);

        Assert.False(check.IsSound);
        Assert.Contains(check.Problems, p => p.Contains("SHA-256", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.StartsWith("OpinionEvents: 0 rows, the manifest says 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_OverADatabaseInUse_IsRefused_AndLeavesItAlone()
    {
        await SubmitAsync(2);
        var backup = Path.Combine(_folder, SqliteBackup.FileName(Now));
        await SqliteBackup.CreateAsync(_database.FilePath, backup, Now);
        await SubmitAsync(1);

        using (DatabaseInUseLock.TryAcquire(_database.FilePath))
        {
            var ex = await Assert.ThrowsAsync<BackupException>(() => SqliteBackup.RestoreAsync(backup, _database.FilePath, Now));
            Assert.Contains("in use", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(3, (await OpinionIdsAsync(_database.FilePath)).Count);
        File.Delete(_database.FilePath + ".lock");
    }

    [Fact]
    public async Task Restore_OverAStoppedDatabase_KeepsThePreviousFileAside()
    {
        await SubmitAsync(2);
        var backup = Path.Combine(_folder, SqliteBackup.FileName(Now));
        await SqliteBackup.CreateAsync(_database.FilePath, backup, Now);
        await SubmitAsync(1);
        SqliteConnection.ClearAllPools();

        var result = await SqliteBackup.RestoreAsync(backup, _database.FilePath, Now);

        Assert.Equal(2, (await OpinionIdsAsync(_database.FilePath)).Count);
        Assert.NotNull(result.PreviousKeptAs);
        Assert.Equal(3, (await OpinionIdsAsync(result.PreviousKeptAs)).Count);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(result.PreviousKeptAs + suffix);
    }

    [Fact]
    public void Retention_KeepsTheNewestCountWithinTheAge_AndAlwaysTheNewest()
    {
        Directory.CreateDirectory(_folder);
        var taken = new[] { 0, 1, 2, 3, 40, 50 }.Select(days => Now.AddDays(-days)).ToList();
        foreach (var at in taken)
        {
            File.WriteAllText(Path.Combine(_folder, SqliteBackup.FileName(at)), "");
            File.WriteAllText(SqliteBackup.ManifestPath(Path.Combine(_folder, SqliteBackup.FileName(at))), "{}");
        }

        var removed = BackupRetention.Apply(_folder, keepCount: 3, keepFor: TimeSpan.FromDays(30), Now);

        Assert.Equal(3, removed.Count);
        Assert.Equal(taken.Take(3), BackupRetention.List(_folder).Select(b => b.TakenAtUtc));
        Assert.Equal(3, Directory.GetFiles(_folder, "*.json").Length);
        var newest = Path.Combine(_folder, SqliteBackup.FileName(Now));
        Assert.DoesNotContain(newest, BackupRetention.Apply(_folder, keepCount: 1, keepFor: TimeSpan.FromDays(1), Now.AddDays(400)));
        Assert.True(File.Exists(newest));
    }

    private async Task<int> SubmitAsync(int count)
    {
        await using var db = _database.CreateContext();
        for (var i = 0; i < count; i++)
        {
            db.Opinions.Add(Opinion.Submit(OpinionScenario.Submission(), TrackingCodes.New(), ActorRef.Resident, Now));
            await db.SaveChangesAsync();
        }

        return count;
    }

    private static async Task<List<int>> OpinionIdsAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT o.Id FROM Opinions o WHERE EXISTS (SELECT 1 FROM OpinionEvents e WHERE e.OpinionId = o.Id) ORDER BY o.Id;";
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetInt32(0));
        return ids;
    }
}
