using Portal.Data.Briefings;
using Portal.Data.Opinions;

namespace Portal.Moderation.Analysis.Briefings;

/// <summary>A department's overdue cases at the end of the period and its late completions in it.</summary>
public sealed record OverdueHotSpot(string Department, int OverdueAtEnd, int CompletedLate, int Completed);

/// <summary>An adopted or partly adopted suggestion completed in the period.</summary>
public sealed record AdoptedSuggestion(string TrackingCode, string Title, string Department, Adoption Adoption, DateOnly CompletedOn);

/// <summary>
/// The briefing's content, frozen as JSON when it is generated: the figures against the previous period and
/// the sections of the report. Later changes to the opinions do not change a briefing already made.
/// </summary>
public sealed record BriefingContent(
    DateRange Period,
    DateRange PreviousPeriod,
    PeriodFigures Current,
    PeriodFigures Previous,
    IReadOnlyList<BriefingHotIssue> HotIssues,
    IReadOnlyList<BriefingSpike> Spikes,
    IReadOnlyList<OverdueHotSpot> OverdueHotSpots,
    IReadOnlyList<DepartmentSatisfaction> Satisfaction,
    IReadOnlyList<AdoptedSuggestion> AdoptedSuggestions);

public sealed record BriefingListItem(int Id, BriefingKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateTime GeneratedAtLocal, string GeneratedBy)
{
    public string Title => BriefingText.Title(Kind, PeriodStart, PeriodEnd);
}

public sealed record BriefingDocument(int Id, BriefingKind Kind, DateTime GeneratedAtLocal, string GeneratedBy, BriefingContent Content)
{
    public string Title => BriefingText.Title(Kind, Content.Period.From, Content.Period.To);
}

public static class BriefingText
{
    public const string NoData = "本期无数据";

    public static string Of(BriefingKind kind) => kind == BriefingKind.Weekly ? "周报" : "月报";

    public static string Title(BriefingKind kind, DateOnly start, DateOnly end) => kind == BriefingKind.Weekly
        ? $"群众意见分析研判周报（{start:yyyy年M月d日}—{end:M月d日}）"
        : $"群众意见分析研判月报（{start:yyyy年M月}）";
}
