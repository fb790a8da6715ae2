namespace Portal.Moderation.Analysis.Briefings;

/// <summary>One hot issue (热点问题) of a period as the briefing lists it.</summary>
public sealed record BriefingHotIssue(string Title, int Count, double Heat);

/// <summary>A department or area whose weekly volume jumped above its own baseline.</summary>
public sealed record BriefingSpike(string Dimension, string Name, int ThisWeek, double Baseline);

/// <summary>
/// Where the briefing takes its hot issues and spikes from. The hot-issue feature supplies the real
/// implementation; until it is registered, <see cref="NoBriefingHotIssues"/> answers with nothing and the
/// briefing prints 本期无数据 for both sections.
/// </summary>
public interface IBriefingHotIssueSource
{
    Task<IReadOnlyList<BriefingHotIssue>> GetTopHotIssuesAsync(DateRange period, int max, CancellationToken ct = default);

    Task<IReadOnlyList<BriefingSpike>> GetSpikesAsync(DateRange period, CancellationToken ct = default);
}

/// <summary>The default source: no hot-issue analysis installed.</summary>
public sealed class NoBriefingHotIssues : IBriefingHotIssueSource
{
    public Task<IReadOnlyList<BriefingHotIssue>> GetTopHotIssuesAsync(DateRange period, int max, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<BriefingHotIssue>>([]);

    public Task<IReadOnlyList<BriefingSpike>> GetSpikesAsync(DateRange period, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<BriefingSpike>>([]);
}
