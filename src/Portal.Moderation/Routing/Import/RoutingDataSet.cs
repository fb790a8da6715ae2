namespace Portal.Moderation.Routing.Import;

/// <summary>The result of reading a file of labelled messages.</summary>
/// <param name="Messages">The usable rows, in file order. Empty when every data row was skipped.</param>
/// <param name="Skipped">The data rows that were left out, each with its line (or worksheet row) and why.</param>
/// <param name="Format">"TSV", "CSV" or "XLSX".</param>
/// <param name="Encoding">The text encoding that was detected ("UTF-8", "GBK", "GB18030", "UTF-16LE", ...); "UTF-8" for XLSX.</param>
public sealed record RoutingDataSet(
    IReadOnlyList<LabelledMessage> Messages,
    IReadOnlyList<SkippedRow> Skipped,
    string Format,
    string Encoding);

/// <summary>A data row that was not imported.</summary>
/// <param name="LineNumber">1-based line in the file where the row starts (the header is line 1); for XLSX the worksheet row number.</param>
/// <param name="Reason">Why the row was skipped, in Simplified Chinese for the administrator.</param>
public sealed record SkippedRow(int LineNumber, string Reason);
