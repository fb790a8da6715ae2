using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Moderation.Pledges;

/// <summary>
/// The anonymous device token behind "one rating per device": a long random value kept in a cookie;
/// only its SHA-256 hash is stored.
/// </summary>
public static class DeviceTokens
{
    public const int MinLength = 32;

    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    public static bool IsValid(string? token) => token is { Length: >= MinLength and <= 200 };

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return string.Create(hash.Length * 2, hash, (span, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++)
                bytes[i].TryFormat(span[(i * 2)..], out _, "x2", CultureInfo.InvariantCulture);
        });
    }
}
