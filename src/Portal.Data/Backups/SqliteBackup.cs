using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Portal.Data.Backups;

/// <summary>
/// Online backups of the portal's SQLite file: a consistent snapshot taken with <c>VACUUM INTO</c> while the portal
/// keeps writing (a read transaction in WAL mode blocks no one), a manifest of its row counts and checksum, a check
/// of a stored backup against its manifest, and a restore that keeps the replaced database aside.
/// </summary>
public static class SqliteBackup
{
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    /// <summary>The manifest written next to <paramref name="backupPath"/>.</summary>
    public static string ManifestPath(string backupPath) => backupPath + ".json";

    /// <summary>A file name for a backup taken at <paramref name="utcNow"/>: portal-20261207-031500.db.</summary>
    public static string FileName(DateTime utcNow) =>
        "portal-" + utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".db";

    /// <summary>Snapshots <paramref name="databasePath"/> into <paramref name="backupPath"/> (which must not exist), checks it and writes its manifest.</summary>
    /// <exception cref="BackupException">The target exists, or the snapshot is not sound.</exception>
    public static async Task<BackupManifest> CreateAsync(string databasePath, string backupPath, DateTime utcNow, CancellationToken ct = default)
    {
        if (!File.Exists(databasePath))
            throw new BackupException($"No database at {databasePath}.");
        if (File.Exists(backupPath))
            throw new BackupException($"{backupPath} already exists.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(backupPath))!);
        var partial = backupPath + ".partial";
        File.Delete(partial);

        await using (var source = Open(databasePath, SqliteOpenMode.ReadWrite))
        {
            await source.OpenAsync(ct).ConfigureAwait(false);
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "PRAGMA busy_timeout = 30000; VACUUM INTO $target;";
            vacuum.Parameters.AddWithValue("$target", partial);
            await vacuum.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        SqliteConnection.ClearAllPools();
        var check = await InspectAsync(partial, ct).ConfigureAwait(false);
        if (check.Integrity != "ok")
        {
            File.Delete(partial);
            throw new BackupException($"The snapshot failed its integrity check: {check.Integrity}");
        }

        File.Move(partial, backupPath);
        var manifest = new BackupManifest(Path.GetFileName(backupPath), utcNow, await Sha256Async(backupPath, ct).ConfigureAwait(false), check.RowCounts);
        await File.WriteAllTextAsync(ManifestPath(backupPath), JsonSerializer.Serialize(manifest, ManifestJson), ct).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Checks a backup: SQLite's integrity check, and its checksum and row counts against its manifest.</summary>
    public static async Task<BackupCheck> VerifyAsync(string backupPath, CancellationToken ct = default)
    {
        if (!File.Exists(backupPath))
            return new BackupCheck("missing", new Dictionary<string, long>(), [$"No backup at {backupPath}."]);
        var check = await InspectAsync(backupPath, ct).ConfigureAwait(false);
        var problems = new List<string>();
        if (check.Integrity != "ok")
            problems.Add("integrity_check: " + check.Integrity);
        var manifestPath = ManifestPath(backupPath);
        if (!File.Exists(manifestPath))
        {
            problems.Add($"No manifest {manifestPath}: row counts cannot be compared.");
            return check with { Problems = problems };
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct).ConfigureAwait(false))
            ?? throw new BackupException($"{manifestPath} is empty.");
        if (!string.Equals(manifest.Sha256, await Sha256Async(backupPath, ct).ConfigureAwait(false), StringComparison.Ordinal))
            problems.Add("The file's SHA-256 differs from the manifest: it changed after the backup was taken.");
        foreach (var (table, expected) in manifest.RowCounts)
        {
            var actual = check.RowCounts.GetValueOrDefault(table, -1);
            if (actual != expected)
                problems.Add($"{table}: {actual} rows, the manifest says {expected}.");
        }

        return check with { Problems = problems };
    }

    /// <summary>
    /// Replaces <paramref name="databasePath"/> with a verified copy of <paramref name="backupPath"/>. Refused while a
    /// portal has the database open. The replaced file (with its WAL) is renamed, never deleted; its new name is returned.
    /// </summary>
    /// <exception cref="BackupException">The backup is not sound, or the database is in use.</exception>
    public static async Task<RestoreResult> RestoreAsync(string backupPath, string databasePath, DateTime utcNow, CancellationToken ct = default)
    {
        var check = await VerifyAsync(backupPath, ct).ConfigureAwait(false);
        if (!check.IsSound)
            throw new BackupException("The backup did not pass verification: " + string.Join(" ", check.Problems));
        using var inUse = DatabaseInUseLock.TryAcquire(databasePath)
            ?? throw new BackupException($"{databasePath} is in use by a running portal: stop it first, then restore.");

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var incoming = databasePath + ".restoring";
        File.Copy(backupPath, incoming, overwrite: true);
        SqliteConnection.ClearAllPools();
        string? keptAs = null;
        if (File.Exists(databasePath))
        {
            // The file and its WAL move together, so the kept database stays whole (committed pages may still be in the WAL).
            keptAs = $"{databasePath}.{utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.before-restore";
            File.Move(databasePath, keptAs);
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                if (File.Exists(databasePath + suffix))
                    File.Move(databasePath + suffix, keptAs + suffix);
            }
        }

        File.Move(incoming, databasePath);
        return new RestoreResult(databasePath, keptAs, check.RowCounts);
    }

    /// <summary>Integrity and the row count of every table.</summary>
    internal static async Task<BackupCheck> InspectAsync(string path, CancellationToken ct)
    {
        await using var db = Open(path, SqliteOpenMode.ReadOnly);
        await db.OpenAsync(ct).ConfigureAwait(false);
        await using var integrity = db.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check;";
        var result = new List<string>();
        await using (var reader = await integrity.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                result.Add(reader.GetString(0));
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(db, ct).ConfigureAwait(false))
        {
            await using var count = db.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\";";
            counts[table] = (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        return new BackupCheck(string.Join("; ", result), counts, []);
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection db, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            tables.Add(reader.GetString(0));
        return tables;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
    }
}

/// <param name="File">The backup's file name.</param>
/// <param name="CreatedAtUtc">When the snapshot was taken.</param>
/// <param name="Sha256">The backup file's checksum.</param>
/// <param name="RowCounts">Rows per table in the snapshot.</param>
public sealed record BackupManifest(string File, DateTime CreatedAtUtc, string Sha256, IReadOnlyDictionary<string, long> RowCounts);

/// <param name="Integrity">"ok", or what SQLite's integrity check found.</param>
/// <param name="RowCounts">Rows per table as found in the file.</param>
/// <param name="Problems">Every way the file departs from a sound backup; empty when it is sound.</param>
public sealed record BackupCheck(string Integrity, IReadOnlyDictionary<string, long> RowCounts, IReadOnlyList<string> Problems)
{
    public bool IsSound => Integrity == "ok" && Problems.Count == 0;
}

/// <param name="DatabasePath">The restored database.</param>
/// <param name="PreviousKeptAs">Where the replaced database was moved; null when there was none.</param>
/// <param name="RowCounts">Rows per table in the restored database.</param>
public sealed record RestoreResult(string DatabasePath, string? PreviousKeptAs, IReadOnlyDictionary<string, long> RowCounts);

public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message) : base(message)
    {
    }

    public BackupException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
