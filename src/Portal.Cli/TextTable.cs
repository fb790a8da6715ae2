using System.Globalization;
using System.Text;

namespace Portal.Cli;

/// <summary>
/// A plain-text table for the terminal. Chinese characters take two columns on a terminal, so widths are
/// counted in display columns, not in chars.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Indices of the columns that are right-aligned (numbers).</summary>
    public HashSet<int> RightAligned { get; } = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter writer, string indent = "  ")
    {
        var widths = new int[headers.Length];
        foreach (var row in _rows.Prepend(headers))
        {
            for (var i = 0; i < widths.Length && i < row.Length; i++)
                widths[i] = Math.Max(widths[i], DisplayWidth(row[i]));
        }

        foreach (var row in _rows.Prepend(headers))
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < row.Length ? row[i] : "";
                var padding = new string(' ', widths[i] - DisplayWidth(cell));
                line.Append(RightAligned.Contains(i) ? padding + cell : cell + padding);
                if (i < widths.Length - 1)
                    line.Append("  ");
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }

    /// <summary>Terminal columns taken by <paramref name="text"/>: two for CJK and full-width characters, one otherwise.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += IsWide(rune) ? 2 : 1;
        return width;
    }

    /// <summary>Shortens <paramref name="text"/> to about <paramref name="maxWidth"/> display columns, with an ellipsis.</summary>
    public static string Truncate(string text, int maxWidth)
    {
        text = text.ReplaceLineEndings(" ");
        if (DisplayWidth(text) <= maxWidth)
            return text;
        var builder = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = IsWide(rune) ? 2 : 1;
            if (width + w > maxWidth - 1)
                break;
            builder.Append(rune.ToString());
            width += w;
        }

        return builder.Append('…').ToString();
    }

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);

    private static bool IsWide(Rune rune) => rune.Value is
        (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or
        (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or
        (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);
}
