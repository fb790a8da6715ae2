using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.HotIssues;
using Portal.Data.Opinions;
using Portal.Moderation.Pledges;

namespace Portal.Moderation.HotIssues;

public enum SupportOutcome
{
    Recorded = 1,
    AlreadySupported = 2,
    NotFound = 3,
    NoDevice = 4,
}

public sealed record SupportResult(SupportOutcome Outcome, string Message);

/// <summary>
/// Residents' supports (附议) of published opinions: one per opinion and device (the device cookie's token,
/// stored hashed), with the client IP kept only as a salted hash. The per-IP rate limit is the web layer's.
/// </summary>
public sealed partial class SupportService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<HotIssueOptions> options,
    TimeProvider clock,
    ILogger<SupportService> logger)
{
    public const string AlreadyMessage = "您已附议过该意见，每台设备只能附议一次，感谢您的参与。";

    public async Task<SupportResult> SupportAsync(int opinionId, string? deviceToken, string? clientIp, CancellationToken ct = default)
    {
        if (!DeviceTokens.IsValid(deviceToken))
            return new(SupportOutcome.NoDevice, "无法识别您的设备，请允许本站使用 Cookie 后重试。");
        var deviceHash = DeviceTokens.Hash(deviceToken!);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var listed = await db.Opinions.AnyAsync(o => o.Id == opinionId && o.Status == OpinionStatus.Published && o.ConsentToPublish, ct).ConfigureAwait(false);
        if (!listed)
            return new(SupportOutcome.NotFound, "未找到该公示意见。");
        if (await db.OpinionSupports.AnyAsync(s => s.OpinionId == opinionId && s.DeviceTokenHash == deviceHash, ct).ConfigureAwait(false))
            return new(SupportOutcome.AlreadySupported, AlreadyMessage);

        db.OpinionSupports.Add(OpinionSupport.Create(opinionId, deviceHash, IpHash(clientIp), clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The same device posted twice at once: the unique index kept one.
            return new(SupportOutcome.AlreadySupported, AlreadyMessage);
        }

        LogSupported(logger, opinionId);
        return new(SupportOutcome.Recorded, "附议成功，感谢您的支持！");
    }

    public async Task<bool> HasSupportedAsync(int opinionId, string? deviceToken, CancellationToken ct = default)
    {
        if (!DeviceTokens.IsValid(deviceToken))
            return false;
        var hash = DeviceTokens.Hash(deviceToken!);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.OpinionSupports.AnyAsync(s => s.OpinionId == opinionId && s.DeviceTokenHash == hash, ct).ConfigureAwait(false);
    }

    /// <summary>The number of supports of each given opinion (absent: none).</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountsAsync(IReadOnlyCollection<int> opinionIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(opinionIds);
        if (opinionIds.Count == 0)
            return new Dictionary<int, int>();
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var counts = await db.OpinionSupports.Where(s => opinionIds.Contains(s.OpinionId)).GroupBy(s => s.OpinionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        await AddImportedAsync(db, db.Opinions.Where(o => opinionIds.Contains(o.Id)).Select(o => o.Id), counts, ct).ConfigureAwait(false);
        return counts;
    }

    /// <summary>Adds the supports that imported opinions had on the earlier message board (see ADR-012) to <paramref name="counts"/>.</summary>
    internal static async Task AddImportedAsync(PortalDbContext db, IQueryable<int> opinionIds, Dictionary<int, int> counts, CancellationToken ct)
    {
        var imported = await db.Opinions.Where(o => o.ImportedSupportCount > 0 && opinionIds.Contains(o.Id))
            .Select(o => new { o.Id, o.ImportedSupportCount }).ToListAsync(ct).ConfigureAwait(false);
        foreach (var o in imported)
            counts[o.Id] = counts.GetValueOrDefault(o.Id) + o.ImportedSupportCount;
    }

    private string IpHash(string? clientIp) => DeviceTokens.Hash($"{options.Value.IpHashSalt}|{clientIp ?? "unknown"}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Opinion {OpinionId} supported")]
    private static partial void LogSupported(ILogger logger, int opinionId);
}
