using Portal.Data.Opinions;

namespace Portal.Moderation.Exports;

/// <summary>Which opinions a ledger export holds: received between two local dates (inclusive), of a department and a status.</summary>
public sealed record LedgerFilter(DateOnly? From = null, DateOnly? To = null, int? DepartmentId = null, OpinionStatus? Status = null);

public enum LedgerFormat
{
    Xlsx,
    Csv,
}
