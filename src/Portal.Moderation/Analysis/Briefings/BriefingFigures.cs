namespace Portal.Moderation.Analysis.Briefings;

/// <summary>One line of the figures table: label, this period, previous period (numbers or null for 无数据).</summary>
public sealed record FigureLine(string Label, double? Current, double? Previous, bool IsRate);

/// <summary>The figures of a briefing in the order they are printed and exported.</summary>
public static class BriefingFigures
{
    public static IReadOnlyList<FigureLine> Lines(PeriodFigures current, PeriodFigures previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return
        [
            new("收到意见（件）", current.Received, previous.Received, false),
            new("受理登记（件）", current.Registered, previous.Registered, false),
            new("交办（件）", current.Assigned, previous.Assigned, false),
            new("办结（件）", current.Completed, previous.Completed, false),
            new("公开答复（件）", current.Published, previous.Published, false),
            new("按期办结率", current.OnTimeRate, previous.OnTimeRate, true),
            new("答复率", current.ReplyRate, previous.ReplyRate, true),
            new("满意率", current.SatisfactionRate, previous.SatisfactionRate, true),
            new("办结用时中位数（天）", Round(current.MedianDays), Round(previous.MedianDays), false),
            new("办结用时90%分位（天）", Round(current.P90Days), Round(previous.P90Days), false),
            new("期末超期（件）", current.Overdue, previous.Overdue, false),
        ];
    }

    private static double? Round(double? days) => days is { } d ? Math.Round(d, 1) : null;
}
