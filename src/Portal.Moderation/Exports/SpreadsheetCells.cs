namespace Portal.Moderation.Exports;

/// <summary>
/// Makes text safe to put in a spreadsheet cell (CSV or XLSX): a value that starts with = + - @ or a tab or carriage
/// return would be read by Excel as a formula (CSV injection, OWASP), so it gets a leading apostrophe.
/// </summary>
public static class SpreadsheetCells
{
    public static string? Escape(string? value) =>
        string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? value : "'" + value;
}
