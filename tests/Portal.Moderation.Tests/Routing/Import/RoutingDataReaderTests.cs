using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Portal.Moderation.Routing;
using Portal.Moderation.DataFiles;
using Portal.Moderation.Routing.Import;

namespace Portal.Moderation.Tests.Routing.Import;

public sealed class RoutingDataReaderTests
{
    private const string SampleTsv =
        "title\tbody\tlabel\n" +
        "小区物业乱收停车费\t物业未经业主同意在公共区域收取停车费。\t城乡建设\n" +
        "公交线路调整\t希望 12 路公交车恢复经过学校门口的站点。\t交通运输\n";

    static RoutingDataReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gbk => Encoding.GetEncoding("GBK");

    // ---- Text encodings ----

    [Fact]
    public void Read_Utf8Tsv_ReturnsMessagesInFileOrder()
    {
        var set = ReadText(SampleTsv, "history.tsv", new UTF8Encoding(false));

        Assert.Equal("TSV", set.Format);
        Assert.Equal("UTF-8", set.Encoding);
        Assert.Empty(set.Skipped);
        Assert.Equal(
            [
                new LabelledMessage("小区物业乱收停车费", "物业未经业主同意在公共区域收取停车费。", "城乡建设"),
                new LabelledMessage("公交线路调整", "希望 12 路公交车恢复经过学校门口的站点。", "交通运输"),
            ],
            set.Messages);
    }

    [Fact]
    public void Read_Utf8WithBom_FindsFirstColumnAndReportsUtf8()
    {
        var set = ReadText(SampleTsv, "history.tsv", new UTF8Encoding(true));

        Assert.Equal("UTF-8", set.Encoding);
        Assert.Equal(2, set.Messages.Count);
        Assert.Equal("小区物业乱收停车费", set.Messages[0].Title);
    }

    [Fact]
    public void Read_TxtExtension_IsTabSeparated()
    {
        var set = ReadText(SampleTsv, "导出.TXT", new UTF8Encoding(false));

        Assert.Equal("TSV", set.Format);
        Assert.Equal(2, set.Messages.Count);
    }

    [Fact]
    public void Read_GbkTsv_DecodesChineseAndReportsGbk()
    {
        var bytes = Gbk.GetBytes("标题\t内容\t标签\n学校招生\t请问今年小学入学报名需要哪些材料？\t教育文体\n");

        var set = RoutingDataReader.Read(new MemoryStream(bytes), "招生.tsv");

        Assert.Equal("GBK", set.Encoding);
        Assert.Equal(new LabelledMessage("学校招生", "请问今年小学入学报名需要哪些材料？", "教育文体"), Assert.Single(set.Messages));
    }

    [Fact]
    public void Read_GbkCsv_HandlesQuotedCommasQuotesAndLineBreaks()
    {
        var csv =
            "标题,内容,标签\r\n" +
            "\"噪音扰民，夜间施工\",\"工地晚上十点后还在施工，\r\n严重影响休息。\",环境保护\r\n" +
            "电梯故障,\"物业说“马上修”，结果一周没人来，\"\"维修基金\"\"也查不到。\",城乡建设\r\n" +
            ",,\r\n" +
            "菜市场,摊位占道经营,\r\n";
        var bytes = Gbk.GetBytes(csv);

        var set = RoutingDataReader.Read(new MemoryStream(bytes), "留言.csv");

        Assert.Equal("CSV", set.Format);
        Assert.Equal("GBK", set.Encoding);
        Assert.Equal(
            [
                new LabelledMessage("噪音扰民，夜间施工", "工地晚上十点后还在施工， 严重影响休息。", "环境保护"),
                new LabelledMessage("电梯故障", "物业说“马上修”，结果一周没人来，\"维修基金\"也查不到。", "城乡建设"),
            ],
            set.Messages);
        // The quoted line break makes the first record two lines long; ",," is a blank row, not a skipped one.
        Assert.Equal(new SkippedRow(6, "标签为空。"), Assert.Single(set.Skipped));
    }

    [Fact]
    public void Read_Gb18030OnlyCharacters_FallsBackToGb18030()
    {
        // "𠀀" (U+20000) exists in GB18030 as a four-byte sequence, but not in GBK.
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("标题\t内容\t标签\n生僻字姓名\t户籍登记时名字里的𠀀无法录入。\t劳动和社会保障\n");

        var set = RoutingDataReader.Read(new MemoryStream(bytes), "户籍.tsv");

        Assert.Equal("GB18030", set.Encoding);
        Assert.Equal("户籍登记时名字里的𠀀无法录入。", Assert.Single(set.Messages).Body);
    }

    [Theory]
    [InlineData(false, "UTF-16LE")]
    [InlineData(true, "UTF-16BE")]
    public void Read_Utf16WithBom_Decodes(bool bigEndian, string expectedName)
    {
        var set = ReadText(SampleTsv, "unicode.txt", new UnicodeEncoding(bigEndian, byteOrderMark: true));

        Assert.Equal(expectedName, set.Encoding);
        Assert.Equal(2, set.Messages.Count);
        Assert.Equal("交通运输", set.Messages[1].Label);
    }

    // ---- Columns ----

    [Theory]
    [InlineData("留言主题\t一级分类\t留言详情", "主题A\t城乡建设\t正文A")]
    [InlineData("分类\t正文\t主题", "城乡建设\t正文A\t主题A")]
    [InlineData("承办部门\t留言内容\t标题", "城乡建设\t正文A\t主题A")]
    [InlineData("部门\t详情\t编号\t主题\t留言时间", "城乡建设\t正文A\t17\t主题A\t2024-03-01")]
    [InlineData("类别\t内容\t标题", "城乡建设\t正文A\t主题A")]
    [InlineData("  TITLE\u3000\tBody\t\uFEFFLabel ", "主题A\t正文A\t城乡建设")]
    [InlineData("标\u3000题\t内 容 \t\u3000标签", "主题A\t正文A\t城乡建设")]
    public void Read_HeaderAliasesInAnyOrder_MapsColumnsByName(string header, string row)
    {
        var set = ReadText($"{header}\n{row}\n", "history.tsv", new UTF8Encoding(false));

        Assert.Equal(new LabelledMessage("主题A", "正文A", "城乡建设"), Assert.Single(set.Messages));
    }

    [Fact]
    public void Read_WithoutTitleColumn_TitleIsEmpty()
    {
        var set = ReadText("内容,标签\n路灯坏了一个月没人修,城乡建设\n", "lights.csv", new UTF8Encoding(false));

        Assert.Equal(new LabelledMessage("", "路灯坏了一个月没人修", "城乡建设"), Assert.Single(set.Messages));
    }

    [Fact]
    public void Read_EmptyTitleButBody_IsKept()
    {
        var set = ReadText("title\tbody\tlabel\n\t医保报销比例是多少\t卫生计生\n", "h.tsv", new UTF8Encoding(false));

        Assert.Equal(new LabelledMessage("", "医保报销比例是多少", "卫生计生"), Assert.Single(set.Messages));
    }

    [Fact]
    public void Read_TitleButNoBody_IsKept()
    {
        var set = ReadText("title\tbody\tlabel\n夜市油烟太大\t\t环境保护\n", "h.tsv", new UTF8Encoding(false));

        Assert.Equal(new LabelledMessage("夜市油烟太大", "", "环境保护"), Assert.Single(set.Messages));
    }

    // ---- Rows ----

    [Fact]
    public void Read_UnusableRows_AreSkippedWithTheirLineNumbers()
    {
        var tsv =
            "title\tbody\tlabel\n" +                  // 1
            "停车难\t小区车位不够\t城乡建设\n" +         // 2
            "\n" +                                    // 3: blank, ignored
            "学校\t校车接送时间太早\t\n" +               // 4: no label
            "\t\t交通运输\n" +                         // 5: no text
            "  \t \t  \n" +                           // 6: blank, ignored
            "\t\t\n" +                                // 7: blank, ignored
            "公交\t公交站牌信息过期\t交通运输\n" +       // 8
            "\t\n";                                   // 9: blank, ignored

        var set = ReadText(tsv, "h.tsv", new UTF8Encoding(false));

        Assert.Equal(2, set.Messages.Count);
        Assert.Equal([new SkippedRow(4, "标签为空。"), new SkippedRow(5, "标题和内容都为空。")], set.Skipped);
    }

    [Fact]
    public void Read_RowOfQuotedWhitespace_IsBlankNotSkipped()
    {
        var set = ReadText("title,body,label\n\"\",\" \",\n好,好,好\n", "h.csv", new UTF8Encoding(false));

        Assert.Single(set.Messages);
        Assert.Empty(set.Skipped);
    }

    [Fact]
    public void Read_RowWithOnlyAnIgnoredColumnFilled_ReportsMissingTextAndLabel()
    {
        var set = ReadText("title,body,label,备注\n,,,有备注\n好,好,好\n", "h.csv", new UTF8Encoding(false));

        Assert.Single(set.Messages);
        Assert.Equal(new SkippedRow(2, "标题和内容都为空，标签也为空。"), Assert.Single(set.Skipped));
    }

    [Fact]
    public void Read_CsvRowWithUnquotedComma_IsSkippedInsteadOfShiftingTheLabel()
    {
        var csv = "title,body,label\n绿化,小区绿地被占用,改成了停车位,城乡建设\n绿化,\"小区绿地被占用,改成了停车位\",城乡建设\n";

        var set = ReadText(csv, "h.csv", new UTF8Encoding(false));

        Assert.Equal(new LabelledMessage("绿化", "小区绿地被占用,改成了停车位", "城乡建设"), Assert.Single(set.Messages));
        var skipped = Assert.Single(set.Skipped);
        Assert.Equal(2, skipped.LineNumber);
        Assert.Contains("字段", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TrailingEmptyFields_AreNotExtraFields()
    {
        var set = ReadText("title\tbody\tlabel\n垃圾分类\t垃圾桶太少\t环境保护\t\t\n", "h.tsv", new UTF8Encoding(false));

        Assert.Single(set.Messages);
        Assert.Empty(set.Skipped);
    }

    [Fact]
    public void Read_Tsv_TreatsDoubleQuotesAsOrdinaryCharacters()
    {
        var tsv = "title\tbody\tlabel\n\"菜篮子\"工程\t建议增加\"平价菜\"摊位\t商贸旅游\n\"半个引号\t引号\"开头\t商贸旅游\n";

        var set = ReadText(tsv, "h.tsv", new UTF8Encoding(false));

        Assert.Equal(
            [
                new LabelledMessage("\"菜篮子\"工程", "建议增加\"平价菜\"摊位", "商贸旅游"),
                new LabelledMessage("\"半个引号", "引号\"开头", "商贸旅游"),
            ],
            set.Messages);
    }

    [Fact]
    public void Read_FieldsAreTrimmedAndLineBreaksCollapsed()
    {
        var csv = "title,body,label\n\"  供暖  \",\"暖气不热，\r\n\r\n\t室温只有 14 度。 \n  请尽快处理\",\"\u3000城乡建设 \"\n";

        var set = ReadText(csv, "h.csv", new UTF8Encoding(false));

        Assert.Equal(new LabelledMessage("供暖", "暖气不热， 室温只有 14 度。 请尽快处理", "城乡建设"), Assert.Single(set.Messages));
    }

    [Fact]
    public void Read_CrLfAndCrLineEndings_CountLines()
    {
        var set = ReadText("title\tbody\tlabel\r\n甲\t乙\t丙\r丁\t戊\t\r\n", "h.tsv", new UTF8Encoding(false));

        Assert.Single(set.Messages);
        Assert.Equal(3, Assert.Single(set.Skipped).LineNumber);
    }

    // ---- XLSX ----

    [Fact]
    public void Read_XlsxRoundTrip_ReadsFirstWorksheetWithNumbersAsText()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["留言编号"] = 1001, ["留言主题"] = "社保卡补办", ["留言详情"] = "社保卡丢失后去哪里补办？", ["一级分类"] = "劳动和社会保障" },
            new() { ["留言编号"] = 1002, ["留言主题"] = "景区门票", ["留言详情"] = "景区节假日门票涨价是否合规", ["一级分类"] = null },
            new() { ["留言编号"] = 1003, ["留言主题"] = 2024, ["留言详情"] = 12.5, ["一级分类"] = "商贸旅游" },
        };
        var set = ReadWorkbook(rows);

        Assert.Equal("XLSX", set.Format);
        Assert.Equal(
            [
                new LabelledMessage("社保卡补办", "社保卡丢失后去哪里补办？", "劳动和社会保障"),
                new LabelledMessage("2024", "12.5", "商贸旅游"),
            ],
            set.Messages);
        Assert.Equal(new SkippedRow(3, "标签为空。"), Assert.Single(set.Skipped));
    }

    [Fact]
    public void Read_XlsxWithEmptyRow_ReportsWorksheetRowNumbers()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["内容"] = "小区门口的公交站被取消了", ["标签"] = "交通运输" },
            new() { ["内容"] = null, ["标签"] = null },
            new() { ["内容"] = "幼儿园收费标准", ["标签"] = " " },
        };

        var set = ReadWorkbook(rows);

        Assert.Single(set.Messages);
        Assert.Equal(new SkippedRow(4, "标签为空。"), Assert.Single(set.Skipped));
    }

    [Fact]
    public void Read_XlsxWithSeveralSheets_ReadsOnlyTheFirst()
    {
        var sheets = new Dictionary<string, object>
        {
            ["留言"] = new[] { new { 标题 = "学区划分", 内容 = "新小区的学区什么时候公布？", 标签 = "教育文体" } },
            ["说明"] = new[] { new { 说明 = "这一页不是数据" } },
        };
        var stream = new MemoryStream();
        stream.SaveAs(sheets);
        stream.Position = 0;

        var set = RoutingDataReader.Read(stream, "book.xlsx");

        Assert.Equal("学区划分", Assert.Single(set.Messages).Title);
    }

    [Fact]
    public async Task ReadAsync_NonSeekableStream_ReadsTheFile()
    {
        var bytes = new UTF8Encoding(false).GetBytes(SampleTsv);

        var set = await RoutingDataReader.ReadAsync(new ForwardOnlyStream(bytes), "upload.tsv");

        Assert.Equal(2, set.Messages.Count);
    }

    [Fact]
    public void ReadFile_ReadsFromDiskByExtension()
    {
        var path = Path.Combine(Path.GetTempPath(), $"routing-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "body,label\n医院挂号难,卫生计生\n", new UTF8Encoding(true));
        try
        {
            var set = RoutingDataReader.ReadFile(path);

            Assert.Equal("CSV", set.Format);
            Assert.Single(set.Messages);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // ---- Bad files ----

    [Theory]
    [InlineData("empty.tsv")]
    [InlineData("empty.csv")]
    [InlineData("empty.xlsx")]
    public void Read_EmptyFile_Throws(string fileName)
    {
        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(), fileName));

        Assert.Contains("没有数据行", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title\tbody\tlabel\n", "h.tsv")]
    [InlineData("title\tbody\tlabel", "h.tsv")]
    [InlineData("title,body,label\r\n\r\n,,\r\n", "h.csv")]
    [InlineData("\uFEFF", "h.tsv")]
    [InlineData("\n\n  \n", "h.tsv")]
    public void Read_HeaderOnlyOrBlank_ThrowsNoDataRows(string text, string fileName)
    {
        var ex = Assert.Throws<DataFileFormatException>(() => ReadText(text, fileName, new UTF8Encoding(false)));

        Assert.Contains("没有数据行", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XlsxHeaderOnly_ThrowsNoDataRows()
    {
        var rows = new List<Dictionary<string, object?>> { new() { ["标题"] = null, ["内容"] = null, ["标签"] = null } };

        var ex = Assert.Throws<DataFileFormatException>(() => ReadWorkbook(rows));

        Assert.Contains("没有数据行", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextWithNulBytes_ThrowsBinary()
    {
        var bytes = Encoding.UTF8.GetBytes("title\tbody\tlabel\n路\0灯\t坏了\t城乡建设\n");

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(bytes), "h.tsv"));

        Assert.Contains("二进制", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PngRenamedToTsv_ThrowsBinary()
    {
        byte[] png =
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
            0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
        ];

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(png), "photo.tsv"));

        Assert.Contains("二进制", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RandomBytesWithoutNul_ThrowsBinary()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
                bytes[i] = 1;
        }

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(bytes), "noise.csv"));

        Assert.Contains("二进制", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WorkbookRenamedToCsv_SaysItIsAZip()
    {
        var workbook = Workbook([new() { ["标题"] = "甲", ["内容"] = "乙", ["标签"] = "丙" }]);

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(workbook), "export.csv"));

        Assert.Contains(".xlsx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XlsxThatIsText_ThrowsNotAWorkbook()
    {
        var bytes = Encoding.UTF8.GetBytes(SampleTsv);

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(bytes), "h.xlsx"));

        Assert.Contains("不是有效的 .xlsx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedXlsx_ThrowsCorrupt()
    {
        var workbook = Workbook([new() { ["标题"] = "甲", ["内容"] = "乙", ["标签"] = "丙" }]);

        var ex = Assert.Throws<DataFileFormatException>(
            () => RoutingDataReader.Read(new MemoryStream(workbook[..(workbook.Length / 2)]), "h.xlsx"));

        Assert.Contains("损坏", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void Read_ZipWithoutWorkbook_ThrowsNotAWorkbook()
    {
        var bytes = Zip(("readme.txt", "这不是工作簿"));

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(bytes), "h.xlsx"));

        Assert.Contains("不是 Excel 工作簿", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WorkbookWithBrokenXml_ThrowsCorrupt()
    {
        var bytes = Zip(("[Content_Types].xml", "<Types"), ("xl/workbook.xml", "<workbook><sheets><sheet"));

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(bytes), "h.xlsx"));

        Assert.Contains("损坏", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OldExcelFileAsXlsx_AsksForXlsx()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x00, 0x00];

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(xls), "old.xlsx"));

        Assert.Contains(".xls", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingLabelColumn_ListsFoundAndNeededColumns()
    {
        var ex = Assert.Throws<DataFileFormatException>(
            () => ReadText("a\tb\tc\n1\t2\t3\n", "h.tsv", new UTF8Encoding(false)));

        Assert.StartsWith("文件缺少“内容”“标签”列。找到的列：a, b, c。需要：标题、内容、标签（或 title, body, label）", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OnlyLabelMissing_NamesTheLabelColumnAndItsAliases()
    {
        var ex = Assert.Throws<DataFileFormatException>(
            () => ReadText("标题,内容,时间\n甲,乙,2024\n", "h.csv", new UTF8Encoding(false)));

        Assert.StartsWith("文件缺少“标签”列。找到的列：标题, 内容, 时间。", ex.Message, StringComparison.Ordinal);
        Assert.Contains("一级分类", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XlsxWithWrongColumns_ListsFoundColumns()
    {
        var ex = Assert.Throws<DataFileFormatException>(
            () => ReadWorkbook([new() { ["编号"] = 1, ["正文"] = "甲" }]));

        Assert.StartsWith("文件缺少“标签”列。找到的列：编号, 正文。", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TabSeparatedFileNamedCsv_SuggestsTsv()
    {
        var ex = Assert.Throws<DataFileFormatException>(() => ReadText(SampleTsv, "h.csv", new UTF8Encoding(false)));

        Assert.Contains("缺少", ex.Message, StringComparison.Ordinal);
        Assert.Contains(".tsv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoLabelColumns_AsksToKeepOne()
    {
        var ex = Assert.Throws<DataFileFormatException>(
            () => ReadText("标题\t内容\t一级分类\t承办部门\n甲\t乙\t城乡建设\t住建局\n", "h.tsv", new UTF8Encoding(false)));

        Assert.Contains("一级分类", ex.Message, StringComparison.Ordinal);
        Assert.Contains("承办部门", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnterminatedQuote_NamesTheLine()
    {
        var csv = "title,body,label\n甲,乙,丙\n丁,\"没有闭合的引号,城乡建设\n戊,己,庚\n";

        var ex = Assert.Throws<DataFileFormatException>(() => ReadText(csv, "h.csv", new UTF8Encoding(false)));

        Assert.Contains("第 3 行", ex.Message, StringComparison.Ordinal);
        Assert.Contains("引号", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeekableStreamOverLimit_ThrowsTooLargeWithoutReading()
    {
        var stream = new LengthOnlyStream(RoutingDataReader.MaxFileBytes + 1);

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(stream, "big.tsv"));

        Assert.Contains("太大", ex.Message, StringComparison.Ordinal);
        Assert.Contains("50 MB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NonSeekableStreamOverLimit_ThrowsTooLarge()
    {
        var ex = Assert.Throws<DataFileFormatException>(
            () => RoutingDataReader.Read(new EndlessStream(), "big.tsv"));
        var exAsync = await Assert.ThrowsAsync<DataFileFormatException>(
            () => RoutingDataReader.ReadAsync(new EndlessStream(), "big.tsv"));

        Assert.Contains("太大", ex.Message, StringComparison.Ordinal);
        Assert.Contains("太大", exAsync.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooManyRows_Throws()
    {
        var text = new StringBuilder("title\tbody\tlabel\n");
        for (var i = 0; i <= RoutingDataReader.MaxRows; i++)
            text.Append("停车\t车位\t城乡建设\n");

        var ex = Assert.Throws<DataFileFormatException>(() => ReadText(text.ToString(), "h.tsv", new UTF8Encoding(false)));

        Assert.Contains(RoutingDataReader.MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExactlyMaxRows_IsAccepted()
    {
        var text = new StringBuilder("title\tbody\tlabel\n");
        for (var i = 0; i < RoutingDataReader.MaxRows; i++)
            text.Append("停车\t车位\t城乡建设\n");

        var set = ReadText(text.ToString(), "h.tsv", new UTF8Encoding(false));

        Assert.Equal(RoutingDataReader.MaxRows, set.Messages.Count);
    }

    [Theory]
    [InlineData("report.pdf", "“.pdf”")]
    [InlineData("report", "没有扩展名")]
    [InlineData("report.xls", "旧版 Excel")]
    public void Read_UnsupportedExtension_ListsSupportedTypes(string fileName, string expected)
    {
        var ex = Assert.Throws<DataFileFormatException>(
            () => RoutingDataReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(SampleTsv)), fileName));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        foreach (var extension in RoutingDataReader.SupportedExtensions)
            Assert.Contains(extension, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BomSaysUtf8ButBytesAreNot_ThrowsCorrupt()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("title\tbody\tlabel\n"), .. Gbk.GetBytes("公交\t班次太少\t交通运输\n")];

        var ex = Assert.Throws<DataFileFormatException>(() => RoutingDataReader.Read(new MemoryStream(bytes), "h.tsv"));

        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    // ---- Helpers ----

    private static RoutingDataSet ReadText(string text, string fileName, Encoding encoding)
    {
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
        return RoutingDataReader.Read(new MemoryStream(bytes), fileName);
    }

    private static RoutingDataSet ReadWorkbook(List<Dictionary<string, object?>> rows) =>
        RoutingDataReader.Read(new MemoryStream(Workbook(rows)), "history.xlsx");

    private static byte[] Workbook(List<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Seekable, claims a length, and fails if anyone reads it.</summary>
    private sealed class LengthOnlyStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The size check should come first.");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Not seekable, never ends: only counting the bytes read can stop it.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A non-seekable stream over some bytes, like an upload.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
