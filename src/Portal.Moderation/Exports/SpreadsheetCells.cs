using System.Text;

namespace Portal.Moderation.Exports;

/// <summary>
/// Text for spreadsheet exports (XLSX and CSV ledgers). A cell that begins with <c>= + - @</c>, a tab or a carriage
/// return could be read as a formula when the file is opened (CSV/formula injection, OWASP), so such text gets a
/// leading apostrophe: the cell shows the text as written and nothing is evaluated. Shared by every ledger export.
/// </summary>
public static class SpreadsheetCells
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvContentType = "text/csv; charset=utf-8";

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The UTF-8 byte order mark: Excel needs it to read a CSV file's Chinese text as UTF-8.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>UTF-8 without a preamble, for writers that write <see cref="Utf8Bom"/> themselves.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The text safe to put in a cell: null becomes empty; formula-like text gets a leading apostrophe.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        return Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
    }

    /// <summary>One CSV field (RFC 4180): escaped as above, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string CsvField(string? value)
    {
        var text = Escape(value);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A CSV line of the given fields, without the line break.</summary>
    public static string CsvLine(IEnumerable<string?> fields) => string.Join(',', fields.Select(CsvField));
}
