using System.ComponentModel.DataAnnotations;

namespace Portal.Web;

/// <summary>The "Portal" configuration section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The portal's name in the header and the title bar.</summary>
    [Required]
    public string Name { get; set; } = "群众意见征集平台";

    /// <summary>The body that runs the portal, shown in the footer.</summary>
    public string Organization { get; set; } = "";

    /// <summary>The folder of editable Markdown pages, relative to the content root unless absolute.</summary>
    [Required]
    public string ContentPath { get; set; } = "../../wwwroot-content";

    /// <summary>Seed demo departments, accounts and opinions into an empty database (Development).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// Origins besides the portal's own (scheme://host[:port]) whose pages may open a staff circuit on /_blazor,
    /// e.g. a second public host name behind the same proxy. Empty by default: same origin only.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];
}

/// <summary>
/// The "RateLimits" configuration section: fixed windows per client IP (see Security/RateLimiting.cs) on every
/// anonymous write, on look-ups by code and on logins. Many households share one address (mobile carriers' NAT,
/// offices, village service centres), so the limits stop floods and guessing, not ordinary use.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Opinions submitted through the opinion box (/opinions/new).</summary>
    [Range(1, 100_000)]
    public int SubmissionsPerHour { get; set; } = 20;

    /// <summary>Look-ups and ratings by tracking code (/track): both tell whether a code exists, so both count.</summary>
    [Range(1, 100_000)]
    public int TrackingPostsPerMinute { get; set; } = 20;

    /// <summary>Supports (附议) of published opinions.</summary>
    [Range(1, 100_000)]
    public int SupportsPerHour { get; set; } = 30;

    /// <summary>Ratings and comments on pledges (承诺测评).</summary>
    [Range(1, 100_000)]
    public int PledgeRatingsPerHour { get; set; } = 30;

    /// <summary>Bookings of reception days (接访预约).</summary>
    [Range(1, 100_000)]
    public int BookingsPerHour { get; set; } = 10;

    /// <summary>Cancellations by booking code: a guessed code would cancel someone else's place.</summary>
    [Range(1, 100_000)]
    public int BookingCancellationsPerHour { get; set; } = 10;

    /// <summary>Staff sign-in attempts (Identity's lockout protects each account; this protects the server).</summary>
    [Range(1, 100_000)]
    public int LoginsPerMinute { get; set; } = 10;

    /// <summary>Any other form post (staff workspace forms, sign-out).</summary>
    [Range(1, 100_000)]
    public int OtherPostsPerMinute { get; set; } = 60;
}

/// <summary>
/// The "TrustedProxies" configuration section: the reverse proxies whose X-Forwarded-For/Proto headers are believed.
/// Empty (the default) trusts nobody: the client IP is the connection's peer, whatever headers it sends.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "TrustedProxies";

    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public IList<string> Proxies { get; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public IList<string> Networks { get; } = [];

    /// <summary>How many proxies in a chain to unwrap (one reverse proxy in front of the portal: 1).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>The "BotTrap" configuration section: the honeypot and minimum fill time on residents' forms.</summary>
public sealed class BotTrapOptions
{
    public const string SectionName = "BotTrap";

    /// <summary>A form posted sooner than this after it was rendered is a bot's (a person needs longer to read and type).</summary>
    [Range(0, 3600)]
    public double MinimumFillSeconds { get; set; } = 3;
}
