namespace Portal.Data.HotIssues;

/// <summary>
/// A resident's support (附议) of a published opinion: one per opinion and device. Only SHA-256 hashes of
/// the device token and of the client IP are stored, never the values themselves.
/// </summary>
public sealed class OpinionSupport
{
    /// <summary>Hex SHA-256.</summary>
    public const int HashLength = 64;

    private OpinionSupport()
    {
    }

    public long Id { get; private set; }

    public int OpinionId { get; private set; }

    public string DeviceTokenHash { get; private set; } = "";

    public string IpHash { get; private set; } = "";

    public DateTime SupportedAt { get; private set; }

    public static OpinionSupport Create(int opinionId, string deviceTokenHash, string ipHash, DateTime utcNow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(opinionId);
        if (deviceTokenHash is not { Length: HashLength })
            throw new ArgumentException("设备标识无效。", nameof(deviceTokenHash));
        if (ipHash is not { Length: HashLength })
            throw new ArgumentException("来源标识无效。", nameof(ipHash));
        return new OpinionSupport { OpinionId = opinionId, DeviceTokenHash = deviceTokenHash, IpHash = ipHash, SupportedAt = utcNow };
    }
}
