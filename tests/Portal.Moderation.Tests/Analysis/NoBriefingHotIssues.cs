using Portal.Moderation.Analysis;
using Portal.Moderation.Analysis.Briefings;

namespace Portal.Moderation.Tests.Analysis;

/// <summary>A hot-issue source with nothing to report, for briefing tests about the other sections.</summary>
internal sealed class NoBriefingHotIssues : IBriefingHotIssueSource
{
    public Task<IReadOnlyList<BriefingHotIssue>> GetTopHotIssuesAsync(DateRange period, int max, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<BriefingHotIssue>>([]);

    public Task<IReadOnlyList<BriefingSpike>> GetSpikesAsync(DateRange period, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<BriefingSpike>>([]);
}
