using System.Security.Cryptography;

namespace Portal.Data.Opinions;

/// <summary>
/// Tracking codes (查询码): 10 characters from a 31-letter alphabet without look-alikes (0/O, 1/I/L),
/// shown as two groups of five ("K7QMX-3PA9R"). About 49 bits of randomness: unguessable with the
/// rate limit on look-ups, and short enough to read over the phone.
/// </summary>
public static class TrackingCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 10;

    /// <summary>The stored form: 10 characters, no separator.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The display form with a separator, e.g. K7QMX-3PA9R.</summary>
    public static string Format(string code) =>
        code.Length == Length ? $"{code[..5]}-{code[5..]}" : code;

    /// <summary>
    /// Normalizes what a person typed (lower case, full-width characters, spaces, dashes) to the stored form,
    /// or returns null when it cannot be a tracking code.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
            return null;
        Span<char> buffer = stackalloc char[Length];
        var n = 0;
        foreach (var raw in input)
        {
            if (raw is ' ' or '-' or '－' or '\u3000')
                continue;
            // Full-width letters and digits, as a Chinese input method may type them.
            var c = char.ToUpperInvariant(raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw);
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0 || n == Length)
                return null;
            buffer[n++] = c;
        }

        return n == Length ? new string(buffer) : null;
    }
}
