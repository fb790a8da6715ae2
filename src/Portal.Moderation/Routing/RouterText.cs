using System.Text;

namespace Portal.Moderation.Routing;

/// <summary>
/// Turns a message into the two texts the router's features are computed from, the same way at training
/// and at prediction time:
/// <list type="bullet">
/// <item><c>Text</c>: title and body, NFKC-normalised (full-width letters and digits become half-width),
/// lower-cased, with all white space removed — the input of the character n-grams. Removing spaces makes
/// pre-segmented training data and raw resident text look alike.</item>
/// <item><c>Words</c>: the same text segmented into words by forward maximum matching against a lexicon
/// learnt from pre-segmented training rows (see <see cref="LearnLexicon"/>). Without a lexicon every
/// Chinese character is a word of its own.</item>
/// </list>
/// </summary>
internal static class RouterText
{
    public const int MaxWordLength = 6;
    private const int MinLexiconFrequency = 2;

    public static string Join(string title, string body) => $"{title}。{body}";

    public static string Normalize(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c))
                builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Words that pre-segmented rows (words separated by spaces, as in many exported corpora) use at least
    /// twice: 2–6 Chinese characters each. Empty when no row is segmented.
    /// </summary>
    public static HashSet<string> LearnLexicon(IEnumerable<LabelledMessage> messages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            // A space, not Join's "。": that would glue the title's last word to the body's first into one token.
            var text = $"{message.Title} {message.Body}".Normalize(NormalizationForm.FormKC).ToLowerInvariant();
            var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tokens.Length < 4 || tokens.Average(t => t.Length) > 4)
                continue; // not a segmented row: raw text has few, long space-separated runs
            foreach (var token in tokens)
            {
                if (token.Length is >= 2 and <= MaxWordLength && token.All(IsHan))
                    counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }

        return counts.Where(p => p.Value >= MinLexiconFrequency).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Segments normalised text into space-separated words (punctuation dropped).</summary>
    public static string Segment(string normalized, IReadOnlySet<string> lexicon)
    {
        var builder = new StringBuilder(normalized.Length * 2);
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            if (IsHan(c))
            {
                var length = 1;
                for (var candidate = Math.Min(MaxWordLength, normalized.Length - i); candidate >= 2 && lexicon.Count > 0; candidate--)
                {
                    if (lexicon.Contains(normalized.Substring(i, candidate)))
                    {
                        length = candidate;
                        break;
                    }
                }

                builder.Append(normalized, i, length).Append(' ');
                i += length;
            }
            else if (char.IsLetterOrDigit(c))
            {
                var end = i;
                while (end < normalized.Length && char.IsLetterOrDigit(normalized[end]) && !IsHan(normalized[end]))
                    end++;
                builder.Append(normalized, i, end - i).Append(' ');
                i = end;
            }
            else
            {
                i++;
            }
        }

        return builder.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';
}
