namespace Portal.Moderation.DataFiles;

/// <summary>One non-blank row of a tabular file.</summary>
/// <param name="LineNumber">1-based line in the file where the row starts; for XLSX the worksheet row number.</param>
/// <param name="Fields">The raw fields; null counts as empty.</param>
public readonly record struct TableRow(int LineNumber, IReadOnlyList<string?> Fields);

/// <summary>The rows of a file an administrator chose, with what was detected about it.</summary>
/// <param name="Rows">Every non-blank row in file order, the header first.</param>
/// <param name="Format">"TSV", "CSV" or "XLSX".</param>
/// <param name="Encoding">The detected text encoding ("UTF-8", "GBK", "GB18030", "UTF-16LE", ...); "UTF-8" for XLSX.</param>
/// <param name="IsDelimited">True for CSV/TSV, where a stray separator can shift fields into the wrong column.</param>
public sealed record TabularFile(IReadOnlyList<TableRow> Rows, string Format, string Encoding, bool IsDelimited);

/// <summary>
/// Reads a table an administrator exported: tab-separated text (.tsv, .txt), comma-separated text (.csv, RFC 4180
/// quoting) or an Excel workbook (.xlsx, first worksheet). Text may be UTF-8 (with or without BOM), UTF-16/32 with
/// BOM, or GBK/GB18030 — Chinese Excel exports are often GBK. A file that cannot be read as a whole (empty, binary,
/// too large, unsupported type) throws <see cref="DataFileFormatException"/> with a message in Chinese.
/// </summary>
public static class TabularFileReader
{
    /// <summary>Largest accepted file.</summary>
    public const long MaxFileBytes = 50 * 1024 * 1024;

    /// <summary>Largest accepted number of non-blank data rows (the header row not counted).</summary>
    public const int MaxDataRows = 200_000;

    private const int CopyBufferSize = 81_920;

    /// <summary>The extensions the reader accepts.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".tsv", ".txt", ".csv", ".xlsx"];

    private enum FileFormat
    {
        Tsv,
        Csv,
        Xlsx,
    }

    /// <summary>Reads a whole file from <paramref name="stream"/> (from its current position; the stream is not disposed).</summary>
    /// <remarks>Reads synchronously. For streams that only read asynchronously (a Blazor upload) use <see cref="ReadAsync"/>.</remarks>
    public static TabularFile Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var format = FormatOf(fileName);
        CheckSeekableLength(stream);

        using var buffer = NewBuffer(stream);
        var chunk = new byte[CopyBufferSize];
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                Append(buffer, chunk, read);
        }
        catch (IOException ex)
        {
            throw ReadFailed(ex);
        }

        return Parse(buffer, format);
    }

    /// <summary>Like <see cref="Read"/>, but reads the stream asynchronously (for Blazor uploads and network streams).</summary>
    public static async Task<TabularFile> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var format = FormatOf(fileName);
        CheckSeekableLength(stream);

        using var buffer = NewBuffer(stream);
        var chunk = new byte[CopyBufferSize];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                Append(buffer, chunk, read);
        }
        catch (IOException ex)
        {
            throw ReadFailed(ex);
        }

        return Parse(buffer, format);
    }

    /// <summary>Reads a file from disk; its extension decides the format.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/> (other file-system errors are not wrapped either).</exception>
    public static TabularFile ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FormatOf(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path));
    }

    private static FileFormat FormatOf(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (IsExtension(extension, ".tsv") || IsExtension(extension, ".txt"))
            return FileFormat.Tsv;
        if (IsExtension(extension, ".csv"))
            return FileFormat.Csv;
        if (IsExtension(extension, ".xlsx"))
            return FileFormat.Xlsx;

        var supported = "支持的类型：.tsv、.txt（制表符分隔）、.csv（逗号分隔）、.xlsx（Excel 工作簿，读取第一个工作表）。";
        if (IsExtension(extension, ".xls"))
            throw new DataFileFormatException($"不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。{supported}");
        if (string.IsNullOrEmpty(extension))
            throw new DataFileFormatException($"文件名“{fileName}”没有扩展名，无法判断文件类型。{supported}");
        throw new DataFileFormatException($"不支持“{extension}”类型的文件。{supported}");
    }

    private static bool IsExtension(string extension, string expected) =>
        string.Equals(extension, expected, StringComparison.OrdinalIgnoreCase);

    private static void CheckSeekableLength(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxFileBytes)
            throw TooLarge(stream.Length - stream.Position);
    }

    private static MemoryStream NewBuffer(Stream stream) =>
        new(stream.CanSeek ? (int)Math.Max(0, stream.Length - stream.Position) : 0);

    private static void Append(MemoryStream buffer, byte[] chunk, int count)
    {
        if (buffer.Length + count > MaxFileBytes)
            throw TooLarge(null);
        buffer.Write(chunk, 0, count);
    }

    private static DataFileFormatException TooLarge(long? size) => new(
        size is { } bytes
            ? $"文件太大（{bytes / 1024.0 / 1024.0:0.#} MB），上限是 {MaxFileBytes / 1024 / 1024} MB。请拆分成几个文件分批导入。"
            : $"文件太大，超过了 {MaxFileBytes / 1024 / 1024} MB 的上限。请拆分成几个文件分批导入。");

    private static DataFileFormatException ReadFailed(IOException inner) =>
        new("读取文件时出错，文件可能没有完整上传。请重新选择文件再试。", inner);

    private static TabularFile Parse(MemoryStream buffer, FileFormat format)
    {
        if (buffer.Length == 0)
            throw new DataFileFormatException("文件是空的（0 字节），没有数据行。");

        var rows = new List<TableRow>();
        if (format == FileFormat.Xlsx)
        {
            XlsxRows.Read(buffer, (line, fields) => AddRow(rows, line, fields));
            return new TabularFile(rows, "XLSX", "UTF-8", IsDelimited: false);
        }

        var text = TextDecoding.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var (delimiter, quoting, name) = format == FileFormat.Csv ? (',', true, "CSV") : ('\t', false, "TSV");
        foreach (var record in DelimitedText.Parse(text.Text, delimiter, quoting))
            AddRow(rows, record.LineNumber, record.Fields);
        return new TabularFile(rows, name, text.EncodingName, IsDelimited: true);
    }

    private static void AddRow(List<TableRow> rows, int lineNumber, IReadOnlyList<string?> fields)
    {
        if (fields.All(string.IsNullOrWhiteSpace))
            return;
        if (rows.Count > MaxDataRows)
            throw new DataFileFormatException($"文件的数据行超过 {MaxDataRows} 行的上限。请拆分成几个文件分批导入。");
        rows.Add(new TableRow(lineNumber, fields));
    }
}
