using System.ComponentModel.DataAnnotations;

namespace Portal.Moderation.Analysis.Briefings;

/// <summary>The <c>Briefings</c> section.</summary>
public sealed class BriefingOptions
{
    public const string SectionName = "Briefings";

    /// <summary>Whether the background service generates due briefings.</summary>
    public bool GenerateOnSchedule { get; set; } = true;

    /// <summary>How often the background service looks for a due briefing.</summary>
    [Range(1, 1440)]
    public int CheckIntervalMinutes { get; set; } = 30;
}
