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

/// <summary>The "RateLimits" configuration section: limits per client IP on anonymous writes and logins.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, 100_000)]
    public int ResidentPostsPerMinute { get; set; } = 20;

    [Range(1, 100_000)]
    public int LoginPostsPerMinute { get; set; } = 10;

    /// <summary>Supports (附议) per client IP and hour: a household or an office shares one IP, so not too few.</summary>
    [Range(1, 100_000)]
    public int SupportPostsPerHour { get; set; } = 30;
}
