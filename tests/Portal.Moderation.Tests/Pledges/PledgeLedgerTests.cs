using System.Text;
using MiniExcelLibs;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Moderation.Exports;
using Portal.Moderation.Pledges;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.Pledges;

public sealed class PledgeLedgerTests : IAsyncLifetime
{
    private const string Dangerous = "=HYPERLINK(\"http://x.invalid\",\"点我\")";
    private PledgeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await PledgeTestBed.CreateAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("为老人装呼叫器", "为老人装呼叫器")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_PrefixesFormulaLikeTextOnly(string? value, string expected) =>
        Assert.Equal(expected, SpreadsheetCells.Escape(value));

    [Fact]
    public void CsvField_EscapesThenQuotes()
    {
        Assert.Equal("\"'=A1,\"\"B\"\"\"", SpreadsheetCells.CsvField("=A1,\"B\""));
        Assert.Equal("\"第一行\n第二行\"", SpreadsheetCells.CsvField("第一行\n第二行"));
        Assert.Equal("普通", SpreadsheetCells.CsvField("普通"));
    }

    [Fact]
    public async Task Csv_HasABom_TheHeader_AndEveryPledgeWithCountsAndGrade()
    {
        var id = await EvaluatedPledgeAsync();

        var text = await CsvAsync(await _bed.Ledger.GetRowsAsync(new PledgeLedgerFilter(), _bed.Moderator));

        Assert.StartsWith("\uFEFF编号,年度,党支部/单位,承诺人", text, StringComparison.Ordinal);
        var lines = text.TrimEnd().Split("\r\n");
        Assert.Equal(2, lines.Length);
        Assert.Equal(PledgeLedger.Headers.Count, lines[0].TrimStart('\uFEFF').Split(',').Length);
        Assert.StartsWith($"{id},2026,城关社区党支部,刘海燕,年度承诺,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"点我\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",1,2,1,0,3,合格,1,优秀,好,94,优秀,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_ParsedBack_HoldsEscapedTextNumbersAndTheEvaluation()
    {
        var id = await EvaluatedPledgeAsync();
        using var stream = new MemoryStream();

        await _bed.Ledger.WriteXlsxAsync(stream, await _bed.Ledger.GetRowsAsync(new PledgeLedgerFilter(Year: 2026), _bed.Moderator));
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: PledgeLedger.SheetName).Cast<IDictionary<string, object?>>().ToList();

        var row = Assert.Single(rows);
        Assert.Equal(PledgeLedger.Headers, row.Keys);
        Assert.Equal(id, Convert.ToInt32(row["编号"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("'" + Dangerous, row["承诺事项"]);
        Assert.Equal((1d, 2d, 0d, 3d), (Convert.ToDouble(row["进展条数"]), Convert.ToDouble(row["满意"]), Convert.ToDouble(row["不满意"]), Convert.ToDouble(row["测评人数"])));
        Assert.Equal(("合格", "优秀", "好"), (row["自评等次"], row["评议等次"], row["领导评语"]));
        Assert.Equal(94.0, Convert.ToDouble(row["综合得分"]), 2);
    }

    [Fact]
    public async Task Xlsx_WithNoRows_StillHasTheHeader()
    {
        using var stream = new MemoryStream();

        await _bed.Ledger.WriteXlsxAsync(stream, []);
        stream.Position = 0;
        var header = (IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: false).First();

        Assert.Equal(PledgeLedger.Headers, header.Values.Select(v => v?.ToString()));
    }

    [Fact]
    public async Task Rows_FollowTheFilters()
    {
        var community = await _bed.PublishedAsync();
        var health = await _bed.PublishedAsync(PledgeTestBed.Health);
        var proposed = await _bed.Service.CreateAsync(_bed.Input(), _bed.Moderator);

        Assert.Equal([community, health, proposed], (await _bed.Ledger.GetRowsAsync(new PledgeLedgerFilter(Year: 2026), _bed.Moderator)).Select(r => r.Id).Order());
        Assert.Equal([health], (await _bed.Ledger.GetRowsAsync(new PledgeLedgerFilter(Branch: PledgeTestBed.Health), _bed.Moderator)).Select(r => r.Id));
        Assert.Equal([proposed], (await _bed.Ledger.GetRowsAsync(new PledgeLedgerFilter(Status: PledgeStatus.Proposed), _bed.Moderator)).Select(r => r.Id));
        Assert.Empty(await _bed.Ledger.GetRowsAsync(new PledgeLedgerFilter(Year: 2025), _bed.Moderator));
    }

    [Fact]
    public async Task Rows_ForASecretary_AreTheirBranchOnly_AndMembersMayNotExport()
    {
        var community = await _bed.PublishedAsync();
        await _bed.PublishedAsync(PledgeTestBed.Health);

        var rows = await _bed.Ledger.GetRowsAsync(new PledgeLedgerFilter(Branch: PledgeTestBed.Health), _bed.Secretary);
        var own = await _bed.Ledger.GetRowsAsync(new PledgeLedgerFilter(), _bed.Secretary);

        Assert.Empty(rows);
        Assert.Equal([community], own.Select(r => r.Id));
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Ledger.GetRowsAsync(new PledgeLedgerFilter(), _bed.Peer));
    }

    /// <summary>A pledge titled with a formula, with progress, 2 satisfied + 1 basically satisfied, all entries, evaluated.</summary>
    private async Task<int> EvaluatedPledgeAsync()
    {
        var id = await _bed.PublishedAsync(title: Dangerous);
        await _bed.Service.AddProgressAsync(id, 1, new DateOnly(2026, 3, 1), "走访 5 户", _bed.Owner);
        await _bed.Service.MarkFulfilledAsync(id, 2, null, _bed.Moderator);
        await _bed.Evaluation.OpenRoundAsync(2026, _bed.Admin);
        await _bed.Evaluation.SelfAssessAsync(id, PledgeGrade.Qualified, "完成", _bed.Owner);
        await _bed.Evaluation.PeerReviewAsync(id, PledgeGrade.Excellent, null, _bed.Peer);
        await _bed.Evaluation.LeaderReviewAsync(id, PledgeGrade.Excellent, "好", _bed.Leader);
        await _bed.RateAsync(id, SatisfactionRating.Satisfied, SatisfactionRating.Satisfied, SatisfactionRating.BasicallySatisfied);
        await _bed.Evaluation.CloseRoundAsync(2026, _bed.Admin);
        // 0.1×80 + 0.3×100 + 0.4×90 + 0.2×100 = 94 → 优秀
        return id;
    }

    private async Task<string> CsvAsync(IReadOnlyList<PledgeLedgerRow> rows)
    {
        using var stream = new MemoryStream();
        await _bed.Ledger.WriteCsvAsync(stream, rows);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
