using System.Text;

namespace Portal.Moderation.DataFiles;

/// <summary>One record of delimited text and the 1-based line on which it starts.</summary>
internal readonly record struct DelimitedRecord(int LineNumber, IReadOnlyList<string?> Fields);

/// <summary>
/// Splits delimited text into records. Lines end with \r\n, \n or \r. With quoting (CSV, RFC 4180) a field
/// that starts with a double quote may hold delimiters, doubled quotes and line breaks; without quoting (TSV)
/// a double quote is an ordinary character and every line is a record.
/// A small parser rather than CsvHelper: TSV and CSV share one code path, every record knows the line it starts
/// on (for <see cref="SkippedRow"/>), and broken quoting is reported in Chinese with its line number.
/// </summary>
internal static class DelimitedText
{
    public static IEnumerable<DelimitedRecord> Parse(string text, char delimiter, bool quoting)
    {
        var pos = 0;
        var line = 1;
        var field = new StringBuilder();
        while (pos < text.Length)
        {
            var startLine = line;
            var fields = new List<string?>();
            while (true)
            {
                field.Clear();
                if (quoting && pos < text.Length && text[pos] == '"')
                {
                    pos = ReadQuoted(text, pos + 1, field, startLine, ref line);
                }

                // Unquoted text, or (leniently) whatever follows a closing quote up to the delimiter.
                while (pos < text.Length && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r')
                    field.Append(text[pos++]);

                fields.Add(field.ToString());
                if (pos < text.Length && text[pos] == delimiter)
                {
                    pos++;
                    continue;
                }

                pos = SkipLineBreak(text, pos, ref line);
                break;
            }

            yield return new DelimitedRecord(startLine, fields);
        }
    }

    /// <summary>Reads a quoted field from just after its opening quote; returns the position after the closing quote.</summary>
    private static int ReadQuoted(string text, int pos, StringBuilder field, int recordLine, ref int line)
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '"')
            {
                if (pos + 1 < text.Length && text[pos + 1] == '"')
                {
                    field.Append('"');
                    pos += 2;
                    continue;
                }

                return pos + 1;
            }

            if (c is '\r' or '\n')
            {
                var next = SkipLineBreak(text, pos, ref line);
                field.Append('\n');
                pos = next;
                continue;
            }

            field.Append(c);
            pos++;
        }

        throw new DataFileFormatException(
            $"第 {recordLine} 行有一个双引号没有闭合，从那里到文件末尾都会被当作同一个字段。请检查该行的引号（字段中的双引号要写成两个 \"\"）。");
    }

    private static int SkipLineBreak(string text, int pos, ref int line)
    {
        if (pos >= text.Length)
            return pos;
        line++;
        if (text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n')
            return pos + 2;
        return pos + 1;
    }
}
