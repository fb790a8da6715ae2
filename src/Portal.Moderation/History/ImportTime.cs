using System.Globalization;
using System.Text;

namespace Portal.Moderation.History;

/// <summary>Reads the times that message boards and Excel exports write: 2024-03-05 10:22, 2024/3/5, 2024年3月5日 10时22分, Excel serial numbers.</summary>
internal static class ImportTime
{
    private static readonly string[] Formats =
    [
        "yyyy-M-d H:m:s", "yyyy-M-d H:m", "yyyy-M-d", "yyyy-M-dTH:m:s", "yyyy-M-dTH:m",
        "yyyy/M/d H:m:s", "yyyy/M/d H:m", "yyyy/M/d",
        "yyyy.M.d H:m:s", "yyyy.M.d H:m", "yyyy.M.d",
        "yyyy年M月d日 H:m:s", "yyyy年M月d日 H:m", "yyyy年M月d日", "yyyy年M月d日H时m分s秒", "yyyy年M月d日H时m分", "yyyy年M月d日 H时m分",
        "yyyyMMdd", "yyyyMMddHHmmss",
    ];

    // Excel serial dates from 1982 to 2119: anything else that looks like a number is not a date.
    private const double MinSerial = 30_000;
    private const double MaxSerial = 80_000;

    /// <summary>The local wall-clock time written in <paramref name="text"/>, or null when it is not a time.</summary>
    public static DateTime? ParseLocal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = text.Normalize(NormalizationForm.FormKC).Trim();
        if (DateTime.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return parsed;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= MinSerial and <= MaxSerial)
            return DateTime.FromOADate(serial);
        return null;
    }
}
