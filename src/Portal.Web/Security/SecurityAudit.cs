using Portal.Moderation.Staff;

namespace Portal.Web.Security;

/// <summary>
/// The security audit trail (OWASP ASVS 16.2, 16.3): every sign-in, lockout, denied access, rate-limit rejection,
/// bot-trap hit and session end, with UTC time, actor and client IP; staff actions go to the same category through
/// <see cref="StaffAudit"/> (event 9008). Never a resident's name, phone, e-mail or opinion text: actors are staff
/// user ids or user names, targets are ids and paths.
/// All events share the logger category <see cref="Category"/> so that they can be routed to their own sink.
/// </summary>
public static partial class SecurityAudit
{
    public const string Category = StaffAudit.Category;

    /// <summary>"anonymous" for residents; the staff user name (an account name, not a person's name) otherwise.</summary>
    public static string Actor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous";
    }

    /// <summary>The client IP as the pipeline resolved it (after trusted forwarded headers).</summary>
    public static string ClientIp(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Audit {AtUtc:O} sign-in succeeded: actor={Actor} ip={Ip}")]
    public static partial void SignInSucceeded(this ILogger logger, DateTimeOffset atUtc, string actor, string ip);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Audit {AtUtc:O} sign-in failed: actor={Actor} ip={Ip}")]
    public static partial void SignInFailed(this ILogger logger, DateTimeOffset atUtc, string actor, string ip);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Audit {AtUtc:O} account locked out: actor={Actor} ip={Ip}")]
    public static partial void LockedOut(this ILogger logger, DateTimeOffset atUtc, string actor, string ip);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "Audit {AtUtc:O} access denied: actor={Actor} ip={Ip} path={Path}")]
    public static partial void AccessDenied(this ILogger logger, DateTimeOffset atUtc, string actor, string ip, string path);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "Audit {AtUtc:O} rate limit hit: actor={Actor} ip={Ip} path={Path} policy={Policy}")]
    public static partial void RateLimited(this ILogger logger, DateTimeOffset atUtc, string actor, string ip, string path, string policy);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "Audit {AtUtc:O} bot trap hit: actor={Actor} ip={Ip} path={Path} reason={Reason}")]
    public static partial void BotTrapHit(this ILogger logger, DateTimeOffset atUtc, string actor, string ip, string path, string reason);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Information, Message = "Audit {AtUtc:O} signed out: actor={Actor} ip={Ip}")]
    public static partial void SignedOut(this ILogger logger, DateTimeOffset atUtc, string actor, string ip);


    [LoggerMessage(EventId = 9009, Level = LogLevel.Warning, Message = "Audit {AtUtc:O} session ended: actor={Actor} reason={Reason}")]
    public static partial void SessionEnded(this ILogger logger, DateTimeOffset atUtc, string actor, string reason);

    [LoggerMessage(EventId = 9010, Level = LogLevel.Warning, Message = "Audit {AtUtc:O} request refused: actor={Actor} ip={Ip} path={Path} reason={Reason}")]
    public static partial void RequestRefused(this ILogger logger, DateTimeOffset atUtc, string actor, string ip, string path, string reason);
}
