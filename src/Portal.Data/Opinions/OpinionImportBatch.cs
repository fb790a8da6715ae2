namespace Portal.Data.Opinions;

/// <summary>One import of historical opinions from a file: who imported what, when, and with what outcome.</summary>
public sealed class OpinionImportBatch
{
    public const int MaxFileNameLength = 260;

    private OpinionImportBatch()
    {
    }

    public int Id { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>SHA-256 of the file's bytes (hex), to recognise a file imported before.</summary>
    public string FileSha256 { get; private set; } = "";

    public string? ImportedByUserId { get; private set; }

    public string ImportedByName { get; private set; } = "";

    public DateTime StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>Data rows in the file (blank rows not counted).</summary>
    public int RowsRead { get; private set; }

    public int RowsImported { get; private set; }

    /// <summary>Rows skipped because the same message was already in the ledger or earlier in the file.</summary>
    public int RowsDuplicate { get; private set; }

    /// <summary>Rows refused by validation (reported to the administrator with their line numbers).</summary>
    public int RowsRejected { get; private set; }

    public static OpinionImportBatch Start(string fileName, string fileSha256, int rowsRead, ActorRef by, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileSha256);
        ArgumentNullException.ThrowIfNull(by);
        return new OpinionImportBatch
        {
            FileName = fileName.Length > MaxFileNameLength ? fileName[..MaxFileNameLength] : fileName,
            FileSha256 = fileSha256,
            RowsRead = rowsRead,
            ImportedByUserId = by.UserId,
            ImportedByName = by.Name,
            StartedAt = utcNow,
        };
    }

    /// <summary>Adds the outcome of one committed batch of rows.</summary>
    public void Record(int imported, int duplicates)
    {
        RowsImported += imported;
        RowsDuplicate += duplicates;
    }

    public void Finish(int rejected, DateTime utcNow)
    {
        RowsRejected = rejected;
        FinishedAt = utcNow;
    }
}
