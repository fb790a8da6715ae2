using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using Portal.Data.Opinions;
using Portal.Moderation.Exports;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Exports;

public sealed class OpinionLedgerExporterTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;
    private OpinionLedgerExporter _exporter = null!;

    public async Task InitializeAsync()
    {
        _h = await WorkflowHarness.CreateAsync();
        _exporter = new OpinionLedgerExporter(_h.Database, _h.Deadlines, NullLogger<OpinionLedgerExporter>.Instance);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("路灯 =坏了", "路灯 =坏了")]
    [InlineData("", "")]
    public void Escape_FormulaStarts_GetAnApostrophe_OtherTextIsUnchanged(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetCells.Escape(value));

    [Fact]
    public async Task ExportAsync_Xlsx_HoldsEveryOpinionWithItsResultRatingAndHistoryCounts()
    {
        var published = await _h.OpinionInAsync(OpinionStatus.Published);
        await _h.RateAsync(published, SatisfactionRating.Satisfied);
        await _h.OpinionInAsync(OpinionStatus.Submitted, input: WorkflowHarness.Input("=1+1 小区停车难"));

        await using var stream = await _exporter.ExportAsync(new LedgerFilter(), LedgerFormat.Xlsx, _h.Moderator);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(2, rows.Count);
        var first = rows[0];
        Assert.Equal(OpinionLedgerExporter.Columns, first.Keys);
        Assert.Equal(("小区路灯不亮", "李秀兰", "13812345678"), (first["标题"], first["姓名"], first["联系方式"]));
        Assert.Equal(("已公开答复", "住建局", "采纳", "满意"), (first["状态"], first["承办部门"], first["采纳情况"], first["满意度"]));
        Assert.Equal(("是", "路灯已修复，感谢您的监督。", "张局长", "本平台"), (first["按期办结"], first["答复内容"], first["签发人"], first["来源"]));
        Assert.Equal(1d, Convert.ToDouble(first["交办次数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Convert.ToDouble(first["历史记录条数"], System.Globalization.CultureInfo.InvariantCulture) >= 6);
        Assert.Equal("'=1+1 小区停车难", rows[1]["标题"]);
    }

    [Fact]
    public async Task ExportAsync_Csv_IsUtf8WithBom_QuotesCommasAndEscapesFormulas()
    {
        await _h.OpinionInAsync(OpinionStatus.Registered, input: WorkflowHarness.Input("-5 元停车费,太贵"));

        await using var stream = await _exporter.ExportAsync(new LedgerFilter(), LedgerFormat.Csv, _h.Leader);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("查询码,类型,渠道,标题,", text, StringComparison.Ordinal);
        Assert.Contains(",\"'-5 元停车费,太贵\",", text, StringComparison.Ordinal);
        Assert.Contains(",已受理,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_Filters_ByDepartmentStatusAndDates()
    {
        await _h.OpinionInAsync(OpinionStatus.Assigned, _h.UrbanId);
        await _h.OpinionInAsync(OpinionStatus.Assigned, _h.TransportId);
        _h.At(WorkflowHarness.Start.AddDays(3));
        await _h.OpinionInAsync(OpinionStatus.Assigned, _h.TransportId);
        var firstDay = DateOnly.FromDateTime(_h.Deadlines.ToLocal(WorkflowHarness.Start.UtcDateTime));

        Assert.Equal(2, await CountAsync(new LedgerFilter(DepartmentId: _h.TransportId)));
        Assert.Equal(1, await CountAsync(new LedgerFilter(From: firstDay, To: firstDay, DepartmentId: _h.TransportId)));
        Assert.Equal(0, await CountAsync(new LedgerFilter(Status: OpinionStatus.Completed)));
    }

    [Fact]
    public async Task ExportAsync_ByAHandler_IsRefused()
    {
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _exporter.ExportAsync(new LedgerFilter(), LedgerFormat.Csv, _h.UrbanHandler));
    }

    private async Task<int> CountAsync(LedgerFilter filter)
    {
        await using var stream = await _exporter.ExportAsync(filter, LedgerFormat.Xlsx, _h.Admin);
        return stream.Query(useHeaderRow: true).Count();
    }
}
