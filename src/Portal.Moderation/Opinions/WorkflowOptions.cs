using System.ComponentModel.DataAnnotations;

namespace Portal.Moderation.Opinions;

/// <summary>The "Workflow" configuration section.</summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>The local time zone: deadlines end at midnight local time.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How long the router may take before the opinion goes to manual routing.</summary>
    [Range(10, 10_000)]
    public int RouterTimeoutMs { get; set; } = 200;
}
