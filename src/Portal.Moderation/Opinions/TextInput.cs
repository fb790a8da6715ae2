using System.Text;

namespace Portal.Moderation.Opinions;

/// <summary>Cleans free text typed by residents and staff before it is validated and stored.</summary>
public static class TextInput
{
    /// <summary>
    /// Trims, normalizes line breaks to \n, and drops control and invisible formatting characters
    /// (keeping line breaks and tabs in multi-line text). Returns null for nothing left.
    /// </summary>
    public static string? Clean(string? value, bool multiline = false)
    {
        if (value is null)
            return null;
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\n' || c == '\t')
            {
                sb.Append(multiline ? c : ' ');
            }
            else if (!char.IsControl(c) && !IsInvisible(c))
            {
                sb.Append(c);
            }
        }

        var cleaned = sb.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
