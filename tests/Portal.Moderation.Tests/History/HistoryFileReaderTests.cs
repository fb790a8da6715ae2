using System.Text;
using MiniExcelLibs;
using Portal.Data.Opinions;
using Portal.Moderation.DataFiles;
using Portal.Moderation.History;

namespace Portal.Moderation.Tests.History;

public sealed class HistoryFileReaderTests
{
    static HistoryFileReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal const string Header = "标题,内容,时间,片区,部门,附议数,答复,答复时间,类型,采纳情况";

    internal static MemoryStream Csv(string text, Encoding? encoding = null) => new((encoding ?? Encoding.UTF8).GetBytes(text));

    private static Task<HistoryFile> ReadCsvAsync(string text, Encoding? encoding = null) =>
        HistoryFileReader.ReadAsync(Csv(text, encoding), "history.csv");

    [Fact]
    public async Task ReadAsync_CompleteRow_KeepsEveryColumn()
    {
        var file = await ReadCsvAsync($"{Header}\n路灯不亮,幸福小区路灯坏了,2024-03-05 10:22,幸福小区,住建局,\"1,234\",已修复,2024-03-08 16:00,投诉,采纳\n");

        var row = Assert.Single(file.Rows);
        Assert.Empty(file.Errors);
        Assert.Equal(("路灯不亮", "幸福小区路灯坏了", new DateTime(2024, 3, 5, 10, 22, 0)), (row.Title, row.Body, row.SubmittedLocal));
        Assert.Equal(("幸福小区", "住建局", 1234), (row.Area, row.DepartmentName, row.Supports));
        Assert.Equal(("已修复", new DateTime(2024, 3, 8, 16, 0, 0)), (row.Reply, row.RepliedLocal));
        Assert.Equal((OpinionKind.Complaint, Adoption.Adopted), (row.Kind, row.Adoption));
        Assert.Equal(2, row.LineNumber);
        Assert.Equal(64, file.FileSha256.Length);
    }

    [Fact]
    public async Task ReadAsync_GbkFile_ReadsTheChineseText()
    {
        var gbk = Encoding.GetEncoding("GBK");
        var file = await ReadCsvAsync("标题,内容,时间\n菜市场脏乱,建议加强保洁,2023/11/2\n", gbk);

        Assert.Equal("GBK", file.Encoding);
        Assert.Equal("建议加强保洁", Assert.Single(file.Rows).Body);
    }

    [Theory]
    [InlineData("2024-03-05 10:22:00", 2024, 3, 5, 10, 22)]
    [InlineData("2024/3/5 9:05", 2024, 3, 5, 9, 5)]
    [InlineData("2024年3月5日", 2024, 3, 5, 0, 0)]
    [InlineData("2024年3月5日 10时22分", 2024, 3, 5, 10, 22)]
    [InlineData("２０２４－０３－０５", 2024, 3, 5, 0, 0)]
    [InlineData("2024.03.05", 2024, 3, 5, 0, 0)]
    [InlineData("45356.5", 2024, 3, 5, 12, 0)]
    public async Task ReadAsync_TimeFormatsOfMessageBoardsAndExcel_AreRead(string time, int y, int m, int d, int h, int min)
    {
        var file = await ReadCsvAsync($"标题,内容,时间\n标题,内容,{time}\n");

        Assert.Equal(new DateTime(y, m, d, h, min, 0), Assert.Single(file.Rows).SubmittedLocal);
    }

    [Fact]
    public async Task ReadAsync_BadRows_AreReportedWithLineAndReason_AndGoodRowsKept()
    {
        var text = $"""
            {Header}
            好的一行,内容,2024-01-01,,,,,,,
            没有内容,,2024-01-01,,,,,,,
            时间不对,内容,去年春天,,,,,,,
            有答复没时间,内容,2024-01-01,,,,已处理,,,
            答复早于留言,内容,2024-01-05,,,,已处理,2024-01-01,,
            附议数为负,内容,2024-01-01,,,-3,,,,
            类型不明,内容,2024-01-01,,,,,,闲聊,
            另一行好的,内容二,2024-01-02,,,,,,,
            """;

        var file = await ReadCsvAsync(text);

        Assert.Equal(["好的一行", "另一行好的"], file.Rows.Select(r => r.Title));
        Assert.Equal([3, 4, 5, 6, 7, 8], file.Errors.Select(e => e.LineNumber));
        Assert.Equal("内容为空。", file.Errors[0].Reason);
        Assert.Contains("去年春天", file.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal("有答复内容，但缺少答复时间。", file.Errors[2].Reason);
        Assert.Equal("答复时间早于留言时间。", file.Errors[3].Reason);
        Assert.Contains("-3", file.Errors[4].Reason, StringComparison.Ordinal);
        Assert.Contains("闲聊", file.Errors[5].Reason, StringComparison.Ordinal);
        Assert.Equal(8, file.DataRows);
    }

    [Fact]
    public async Task ReadAsync_EmptyTitle_IsTakenFromTheFirstSentenceOfTheBody()
    {
        var file = await ReadCsvAsync("标题,内容,时间\n,东门菜市场周末垃圾没人清运。请尽快处理,2024-01-01\n");

        Assert.Equal("东门菜市场周末垃圾没人清运", Assert.Single(file.Rows).Title);
    }

    [Fact]
    public async Task ReadAsync_MissingTimeColumn_RefusesTheFileNamingTheColumn()
    {
        var ex = await Assert.ThrowsAsync<DataFileFormatException>(() => ReadCsvAsync("标题,内容\n路灯,坏了\n"));

        Assert.Contains("“时间”", ex.Message, StringComparison.Ordinal);
        Assert.Contains("找到的列：标题, 内容", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BinaryFileNamedCsv_IsRefusedWithAMessage()
    {
        var ex = await Assert.ThrowsAsync<DataFileFormatException>(() =>
            HistoryFileReader.ReadAsync(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), "history.csv"));

        Assert.Contains("zip", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Workbook_ReadsDateCellsAndNumbers()
    {
        using var workbook = new MemoryStream();
        var rows = new[]
        {
            new Dictionary<string, object> { ["标题"] = "公交站没有雨棚", ["内容"] = "希望加装雨棚", ["时间"] = new DateTime(2024, 6, 1, 8, 30, 0), ["附议数"] = 12 },
        };
        await workbook.SaveAsAsync(rows);
        workbook.Position = 0;

        var file = await HistoryFileReader.ReadAsync(workbook, "history.xlsx");

        var row = Assert.Single(file.Rows);
        Assert.Equal(("XLSX", new DateTime(2024, 6, 1, 8, 30, 0), 12), (file.Format, row.SubmittedLocal, row.Supports));
    }
}
