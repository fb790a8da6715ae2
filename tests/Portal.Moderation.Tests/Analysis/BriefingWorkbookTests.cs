using MiniExcelLibs;
using Portal.Data.Briefings;
using Portal.Data.Opinions;
using Portal.Moderation.Analysis;
using Portal.Moderation.Analysis.Briefings;
using Portal.Moderation.Exports;

namespace Portal.Moderation.Tests.Analysis;

public sealed class BriefingWorkbookTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=cmd", "'\t=cmd")]
    [InlineData("路灯不亮", "路灯不亮")]
    [InlineData("", "")]
    public void Escape_PrefixesFormulaStarters(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetCells.Escape(value));

    [Fact]
    public void Write_EscapesTextCells_AndMarksEmptySections()
    {
        var figures = new PeriodFigures(3, 3, 2, 1, 1, 1, 1, 1, 1, 2, 2, 0);
        var period = new DateRange(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 7));
        var content = new BriefingContent(period, period.Previous(), figures, figures, [], [], [],
            [new DepartmentSatisfaction(1, "@住建局", 1, 0, 0)],
            [new AdoptedSuggestion("ABCD-EFGH", "=HYPERLINK(\"http://evil\")", "住建局", Adoption.Adopted, new DateOnly(2026, 6, 3))]);
        var briefing = new BriefingDocument(1, BriefingKind.Weekly, new DateTime(2026, 6, 8, 8, 0, 0), "定时生成", content);

        using var stream = new MemoryStream();
        BriefingWorkbook.Write(briefing, stream);
        stream.Position = 0;

        var adopted = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "采纳的建议").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("'=HYPERLINK(\"http://evil\")", adopted["标题"]);
        stream.Position = 0;
        var satisfaction = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "满意度").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("'@住建局", satisfaction["部门"]);
        stream.Position = 0;
        var hot = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "热点问题").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(BriefingText.NoData, hot["说明"]);
    }
}
