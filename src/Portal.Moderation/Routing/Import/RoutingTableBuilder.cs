using System.Text;
using Portal.Moderation.DataFiles;

namespace Portal.Moderation.Routing.Import;

/// <summary>
/// Turns rows (header first) into labelled messages and skipped rows, the same way for every format.
/// Blank rows are ignored; the first non-blank row is the header.
/// </summary>
internal sealed class RoutingTableBuilder(bool skipRowsWithExtraFields)
{
    private readonly List<LabelledMessage> _messages = [];
    private readonly List<SkippedRow> _skipped = [];
    private RoutingColumns? _columns;
    private int _dataRows;

    /// <param name="lineNumber">1-based line (or worksheet row) where the row starts.</param>
    /// <param name="fields">The raw fields; null counts as empty.</param>
    public void Add(int lineNumber, IReadOnlyList<string?> fields)
    {
        if (fields.All(string.IsNullOrWhiteSpace))
            return;

        if (_columns is null)
        {
            _columns = RoutingColumns.FromHeader(fields.Select(f => f ?? "").ToList());
            return;
        }

        _dataRows++;

        if (skipRowsWithExtraFields && TryFindExtraField(fields, _columns.Count, out var extra))
        {
            // In CSV/TSV an unquoted comma or a tab inside the text shifts the label into the wrong column.
            _skipped.Add(new SkippedRow(lineNumber,
                $"该行有 {extra} 个字段，比表头的 {_columns.Count} 列多，可能是内容中含有未加引号的分隔符（逗号或制表符），各列已错位。"));
            return;
        }

        var title = _columns.Title >= 0 ? Clean(FieldAt(fields, _columns.Title)) : "";
        var body = Clean(FieldAt(fields, _columns.Body));
        var label = Clean(FieldAt(fields, _columns.Label));
        var noText = title.Length == 0 && body.Length == 0;

        if (noText || label.Length == 0)
        {
            var reason = (noText, label.Length == 0) switch
            {
                (true, true) => "标题和内容都为空，标签也为空。",
                (true, false) => "标题和内容都为空。",
                _ => "标签为空。",
            };
            _skipped.Add(new SkippedRow(lineNumber, reason));
            return;
        }

        _messages.Add(new LabelledMessage(title, body, label));
    }

    public RoutingDataSet Build(string format, string encoding)
    {
        if (_columns is null)
            throw new DataFileFormatException("文件是空的，没有数据行。需要一行表头（标题、内容、标签）和至少一行数据。");
        if (_dataRows == 0)
            throw new DataFileFormatException("文件只有表头，没有数据行。");
        return new RoutingDataSet(_messages, _skipped, format, encoding);
    }

    /// <summary>
    /// Trims, turns each whitespace run that holds a line break or tab into one space, and drops other
    /// control characters and byte-order marks.
    /// </summary>
    internal static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";

        var sb = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c))
            {
                var start = i;
                var breaks = false;
                while (i < value.Length && char.IsWhiteSpace(value[i]))
                {
                    breaks |= char.IsControl(value[i]) || value[i] is '\u2028' or '\u2029';
                    i++;
                }

                if (breaks)
                    sb.Append(' ');
                else
                    sb.Append(value, start, i - start);
                continue;
            }

            if (!char.IsControl(c) && c != '\uFEFF')
                sb.Append(c);
            i++;
        }

        return sb.ToString().Trim();
    }

    private static string? FieldAt(IReadOnlyList<string?> fields, int index) => index < fields.Count ? fields[index] : null;

    private static bool TryFindExtraField(IReadOnlyList<string?> fields, int columns, out int count)
    {
        count = fields.Count;
        for (var i = columns; i < fields.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(fields[i]))
                return true;
        }

        return false;
    }
}
