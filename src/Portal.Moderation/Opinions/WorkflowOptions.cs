using System.ComponentModel.DataAnnotations;
using Portal.Data.Opinions;

namespace Portal.Moderation.Opinions;

/// <summary>The "Workflow" configuration section.</summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>The local time zone: deadlines end at midnight local time.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Days allowed per kind of opinion, overriding the department's default (e.g. "Question": 7).</summary>
    public Dictionary<OpinionKind, int> DeadlineDaysByKind { get; set; } = [];

    /// <summary>How long the router may take before the opinion goes to manual routing.</summary>
    [Range(10, 10_000)]
    public int RouterTimeoutMs { get; set; } = 200;
}
