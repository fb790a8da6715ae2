using Portal.Data.Opinions;

namespace Portal.Moderation.History;

/// <summary>A row of the file that passed validation, in local time, before it is matched to departments and the ledger.</summary>
public sealed record HistoryRow(
    int LineNumber,
    string Title,
    string Body,
    DateTime SubmittedLocal,
    string? Area,
    string? DepartmentName,
    int Supports,
    string? Reply,
    DateTime? RepliedLocal,
    OpinionKind? Kind,
    Adoption? Adoption);

/// <summary>A row that was not imported, with its line (or worksheet row) and why, in Chinese.</summary>
public sealed record HistoryRowError(int LineNumber, string Reason);

/// <summary>A file of historical opinions, read and validated row by row; nothing is stored yet.</summary>
/// <param name="FileSha256">The hash of the file's bytes, recorded with the import.</param>
public sealed record HistoryFile(
    string FileName,
    string FileSha256,
    string Format,
    string Encoding,
    IReadOnlyList<HistoryRow> Rows,
    IReadOnlyList<HistoryRowError> Errors)
{
    public int DataRows => Rows.Count + Errors.Count;
}

/// <summary>What an import would do, shown before the administrator confirms it.</summary>
/// <param name="AlreadyImported">Valid rows whose message is already in the ledger (or repeated in the file); they will be skipped.</param>
/// <param name="UnknownDepartments">Department names in the file that match no department, with how many rows name each.</param>
public sealed record HistoryPreview(
    int ValidRows,
    int AlreadyImported,
    IReadOnlyList<UnknownDepartment> UnknownDepartments,
    DateTime? FirstLocal,
    DateTime? LastLocal,
    int WithReply);

public sealed record UnknownDepartment(string Name, int Rows);

/// <summary>How to import: where unknown department names go, and the defaults for what the file does not say.</summary>
public sealed class HistoryImportOptions
{
    /// <summary>Unknown department name → department id, or null to import those rows without a department.</summary>
    public Dictionary<string, int?> DepartmentMap { get; } = new(StringComparer.Ordinal);

    public OpinionKind DefaultKind { get; set; } = OpinionKind.Suggestion;

    public OpinionChannel Channel { get; set; } = OpinionChannel.OpinionBox;

    /// <summary>Whether answered messages appear on the public list (they were public on the earlier board).</summary>
    public bool PublishAnswered { get; set; } = true;
}

public sealed record HistoryImportProgress(int RowsDone, int RowsTotal);

/// <summary>The outcome of an import.</summary>
public sealed record HistoryImportResult(int BatchId, int Imported, int Duplicates, int Rejected);
