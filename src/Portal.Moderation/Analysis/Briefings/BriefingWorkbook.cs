using MiniExcelLibs;
using Portal.Data.Opinions;
using Portal.Moderation.Exports;

namespace Portal.Moderation.Analysis.Briefings;

/// <summary>A briefing as an .xlsx workbook: one sheet per section; every text cell escaped (<see cref="SpreadsheetCells"/>).</summary>
public static class BriefingWorkbook
{
    public const string ContentType = SpreadsheetCells.XlsxContentType;

    public static void Write(BriefingDocument briefing, Stream output)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        var c = briefing.Content;
        var sheets = new Dictionary<string, object>
        {
            ["主要指标"] = Figures(briefing),
            ["热点问题"] = Rows(c.HotIssues, h => new() { ["问题"] = T(h.Title), ["件数"] = h.Count, ["热度"] = h.Heat }),
            ["异常增长"] = Rows(c.Spikes, s => new() { ["维度"] = T(s.Dimension), ["名称"] = T(s.Name), ["本期"] = s.ThisWeek, ["基线"] = s.Baseline }),
            ["超期分布"] = Rows(c.OverdueHotSpots, h => new() { ["部门"] = T(h.Department), ["期末超期"] = h.OverdueAtEnd, ["逾期办结"] = h.CompletedLate, ["办结"] = h.Completed }),
            ["满意度"] = Rows(c.Satisfaction, s => new() { ["部门"] = T(s.Department), ["满意"] = s.Satisfied, ["基本满意"] = s.BasicallySatisfied, ["不满意"] = s.Dissatisfied, ["满意率"] = s.Rate }),
            ["采纳的建议"] = Rows(c.AdoptedSuggestions, a => new() { ["查询码"] = T(a.TrackingCode), ["标题"] = T(a.Title), ["部门"] = T(a.Department), ["采纳情况"] = OpinionText.Of(a.Adoption), ["办结日期"] = a.CompletedOn.ToString("yyyy-MM-dd") }),
        };
        MiniExcel.SaveAs(output, sheets, excelType: ExcelType.XLSX);
    }

    private static List<Dictionary<string, object?>> Figures(BriefingDocument briefing)
    {
        var c = briefing.Content;
        var rows = new List<Dictionary<string, object?>>
        {
            Row(T(briefing.Title), null, null),
            Row("本期", T(c.Period.ToString()), T(c.PreviousPeriod.ToString())),
        };
        rows.AddRange(BriefingFigures.Lines(c.Current, c.Previous).Select(l => Row(l.Label, l.Current, l.Previous)));
        return rows;

        static Dictionary<string, object?> Row(string label, object? current, object? previous) =>
            new() { ["指标"] = label, ["本期"] = current, ["上期"] = previous };
    }

    /// <summary>The rows of a section, or one row saying 本期无数据 (a sheet needs at least one row).</summary>
    private static List<Dictionary<string, object?>> Rows<T>(IReadOnlyList<T> items, Func<T, Dictionary<string, object?>> row) =>
        items.Count == 0 ? [new() { ["说明"] = BriefingText.NoData }] : [.. items.Select(row)];

    private static string T(string? value) => SpreadsheetCells.Escape(value);
}
