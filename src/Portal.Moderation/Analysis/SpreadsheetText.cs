namespace Portal.Moderation.Analysis;

/// <summary>
/// Text written into spreadsheet cells: a value that Excel or WPS would read as a formula (it begins with
/// = + - @, or a tab or carriage return before one) is prefixed with an apostrophe so it stays text
/// (CSV/formula injection, OWASP).
/// </summary>
public static class SpreadsheetText
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
