namespace Portal.Moderation.Analysis.Briefings;

/// <summary>One hot issue (热点问题) of a period as the briefing lists it.</summary>
public sealed record BriefingHotIssue(string Title, int Count, double Heat);

/// <summary>A department or area whose weekly volume jumped above its own baseline.</summary>
public sealed record BriefingSpike(string Dimension, string Name, int ThisWeek, double Baseline);

/// <summary>
/// Where the briefing takes its hot issues and spikes from: the hot-issue feature (<c>HotIssueBriefingSource</c>).
/// An empty answer makes the briefing print 本期无数据 for the section.
/// </summary>
public interface IBriefingHotIssueSource
{
    Task<IReadOnlyList<BriefingHotIssue>> GetTopHotIssuesAsync(DateRange period, int max, CancellationToken ct = default);

    Task<IReadOnlyList<BriefingSpike>> GetSpikesAsync(DateRange period, CancellationToken ct = default);
}
