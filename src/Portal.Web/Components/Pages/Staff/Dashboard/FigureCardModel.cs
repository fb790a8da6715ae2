using System.Globalization;
using Portal.Moderation.Analysis;

namespace Portal.Web.Components.Pages.Staff.Dashboard;

/// <summary>Whether a rise of a figure is good news (green ▲), bad news (red ▲) or neither.</summary>
public enum Better
{
    Neither,
    Higher,
    Lower,
}

/// <summary>One figure card: the value, the change against the previous period, and how to colour it.</summary>
public sealed record FigureCardModel(string Key, string Label, string Value, string? Change, int Direction, Better Better, string Hint)
{
    public static IReadOnlyList<FigureCardModel> From(DashboardFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var c = figures.Current;
        var p = figures.Previous;
        return
        [
            Count("received", "收到意见", c.Received, p.Received, Better.Neither, "本期新收到的意见（各渠道）"),
            Count("registered", "受理登记", c.Registered, p.Registered, Better.Neither, "本期登记受理的意见"),
            Count("assigned", "交办", c.Assigned, p.Assigned, Better.Neither, "本期首次交办承办部门的意见"),
            Count("completed", "办结", c.Completed, p.Completed, Better.Higher, "本期办结且办结仍有效的意见"),
            Count("published", "公开答复", c.Published, p.Published, Better.Higher, "本期答复群众（发布）的意见"),
            Rate("ontime", "按期办结率", c.OnTimeRate, p.OnTimeRate, "在办理时限内办结的比例"),
            Rate("reply", "答复率", c.ReplyRate, p.ReplyRate, "本期办结的意见中已答复群众的比例"),
            Rate("satisfaction", "满意率", c.SatisfactionRate, p.SatisfactionRate, $"满意+基本满意 / 评价数（本期 {c.Ratings} 次评价）"),
            Days("median", "办结用时中位数", c.MedianDays, p.MedianDays, "从收到到办结的天数，一半意见快于此"),
            Days("p90", "90% 办结用时", c.P90Days, p.P90Days, "九成意见在此天数内办结"),
            Count("overdue", "当前超期", c.Overdue, p.Overdue, Better.Lower, "现在已超过办理时限仍未办结；对比为上一周期同一时刻"),
        ];
    }

    private static FigureCardModel Count(string key, string label, int current, int previous, Better better, string hint)
    {
        var change = current - previous;
        var text = previous == 0
            ? (current == 0 ? "持平" : $"+{current}")
            : $"{(change >= 0 ? "+" : "")}{change}（{(double)change / previous:+0%;-0%;0%}）";
        return new(key, label, current.ToString("N0", CultureInfo.InvariantCulture), text, Math.Sign(change), better, hint);
    }

    private static FigureCardModel Rate(string key, string label, double? current, double? previous, string hint)
    {
        var value = current is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "—";
        if (current is not { } c || previous is not { } p)
            return new(key, label, value, null, 0, Better.Higher, hint);
        var points = (c - p) * 100;
        return new(key, label, value, $"{points:+0.0;-0.0;0.0} 个百分点", Math.Sign(Math.Round(points, 1)), Better.Higher, hint);
    }

    private static FigureCardModel Days(string key, string label, double? current, double? previous, string hint)
    {
        var value = current is { } v ? $"{v:0.0} 天" : "—";
        if (current is not { } c || previous is not { } p)
            return new(key, label, value, null, 0, Better.Lower, hint);
        var change = Math.Round(c - p, 1);
        return new(key, label, value, $"{change:+0.0;-0.0;0.0} 天", Math.Sign(change), Better.Lower, hint);
    }
}
