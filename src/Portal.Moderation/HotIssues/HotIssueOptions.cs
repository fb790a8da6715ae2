using System.ComponentModel.DataAnnotations;

namespace Portal.Moderation.HotIssues;

/// <summary>The "HotIssues" configuration section: grouping, heat index and spike parameters (see ADR-008).</summary>
public sealed class HotIssueOptions
{
    public const string SectionName = "HotIssues";

    /// <summary>The least score (cosine of character 1–2-gram TF-IDF vectors plus the area adjustment) to join a group.</summary>
    [Range(0.05, 0.95)]
    public double SimilarityThreshold { get; set; } = 0.18;

    /// <summary>Added to the score when the opinion's area is one of the group's areas.</summary>
    [Range(0, 0.5)]
    public double SameAreaBonus { get; set; } = 0.05;

    /// <summary>Subtracted from the score when the opinion names an area and the group only others.</summary>
    [Range(0, 0.5)]
    public double OtherAreaPenalty { get; set; } = 0.02;

    /// <summary>An opinion joins a group only if it came in at most this many days after the group's latest opinion.</summary>
    [Range(1, 365)]
    public int WindowDays { get; set; } = 30;

    /// <summary>Half-life of the heat index's recency decay, in days.</summary>
    [Range(1, 365)]
    public double HalfLifeDays { get; set; } = 14;

    /// <summary>Run the incremental grouping in the background (after each change and every <see cref="IntervalSeconds"/>).</summary>
    public bool BackgroundGrouping { get; set; } = true;

    [Range(5, 86_400)]
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>Spikes: weeks of baseline before the week looked at.</summary>
    [Range(2, 52)]
    public int BaselineWeeks { get; set; } = 8;

    /// <summary>Spikes: how many standard deviations above the baseline mean a week must be.</summary>
    [Range(0.5, 10)]
    public double SpikeSigmas { get; set; } = 3;

    /// <summary>Spikes: the least number of opinions in the week for a flag.</summary>
    [Range(1, 10_000)]
    public int SpikeMinCount { get; set; } = 5;

    /// <summary>Mixed into the client IP before hashing it for a support; set a secret value in production.</summary>
    [Required]
    public string IpHashSalt { get; set; } = "portal-support";
}
