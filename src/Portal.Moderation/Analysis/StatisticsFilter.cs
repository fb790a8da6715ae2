using Portal.Data.Opinions;

namespace Portal.Moderation.Analysis;

/// <summary>What the dashboard counts: a period and, optionally, one department, area, kind and channel.</summary>
public sealed record StatisticsFilter(
    DateRange Period,
    int? DepartmentId = null,
    string? Area = null,
    OpinionKind? Kind = null,
    OpinionChannel? Channel = null)
{
    public StatisticsFilter WithPeriod(DateRange period) => this with { Period = period };
}
