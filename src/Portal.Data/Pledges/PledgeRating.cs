using Portal.Data.Opinions;

namespace Portal.Data.Pledges;

/// <summary>
/// A public rating of a pledge (群众测评): one per pledge and device. Only the SHA-256 hash of the device
/// token is stored, never the token itself.
/// </summary>
public sealed class PledgeRating
{
    public const int MaxCommentLength = 500;

    /// <summary>Hex SHA-256.</summary>
    public const int DeviceTokenHashLength = 64;

    private PledgeRating()
    {
    }

    public int Id { get; private set; }

    public int PledgeId { get; private set; }

    public SatisfactionRating Rating { get; private set; }

    public string? Comment { get; private set; }

    public string DeviceTokenHash { get; private set; } = "";

    public DateTime RatedAt { get; private set; }

    internal static PledgeRating Create(SatisfactionRating rating, string? comment, string deviceTokenHash, DateTime utcNow)
    {
        if (!Enum.IsDefined(rating))
            throw new ArgumentOutOfRangeException(nameof(rating), "请选择满意、基本满意或不满意。");
        if (comment is { Length: > MaxCommentLength })
            throw new ArgumentException($"评价内容不能超过 {MaxCommentLength} 个字。", nameof(comment));
        if (deviceTokenHash is not { Length: DeviceTokenHashLength })
            throw new ArgumentException("设备标识无效。", nameof(deviceTokenHash));
        return new PledgeRating
        {
            Rating = rating,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment,
            DeviceTokenHash = deviceTokenHash,
            RatedAt = utcNow,
        };
    }
}
