using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;

namespace Portal.Moderation.DataFiles;

/// <summary>Reads the rows of the first worksheet of an .xlsx workbook (through MiniExcel) as text fields.</summary>
internal static class XlsxRows
{
    /// <summary>Decompressed size above which a workbook is refused (a 50 MB limit on the file could otherwise hide gigabytes of XML).</summary>
    internal const long MaxUncompressedBytes = 20 * TabularFileReader.MaxFileBytes;

    public static void Read(MemoryStream workbook, Action<int, IReadOnlyList<string?>> addRow)
    {
        CheckPackage(workbook);
        workbook.Position = 0;

        IEnumerator<object>? rows = null;
        try
        {
            var rowNumber = 0;
            while (true)
            {
                IDictionary<string, object?> row;
                try
                {
                    rows ??= FirstWorksheet(workbook);
                    if (!rows.MoveNext())
                        break;
                    row = rows.Current as IDictionary<string, object?>
                        ?? throw new InvalidDataException("MiniExcel returned a row that is not a dictionary.");
                }
                catch (Exception ex) when (ex is not (OutOfMemoryException or DataFileFormatException))
                {
                    throw Corrupt(ex);
                }

                // MiniExcel returns every row from the first one, empty rows included, so the count is the worksheet row.
                rowNumber++;
                addRow(rowNumber, ToFields(row));
            }
        }
        finally
        {
            rows?.Dispose();
        }
    }

    /// <summary>The rows of the first worksheet, as dictionaries keyed by column letter ("A", "B", ...); object, not dynamic.</summary>
    private static IEnumerator<object> FirstWorksheet(MemoryStream workbook)
    {
        IEnumerable<object> rows = MiniExcel.Query(workbook, useHeaderRow: false, excelType: ExcelType.XLSX);
        return rows.GetEnumerator();
    }

    /// <summary>Refuses what is not an .xlsx package before MiniExcel sees it.</summary>
    private static void CheckPackage(MemoryStream workbook)
    {
        var head = workbook.GetBuffer().AsSpan(0, (int)Math.Min(workbook.Length, 8));

        // An old .xls, or an encrypted .xlsx (which Office stores the same way), saved or renamed as .xlsx.
        if (TextDecoding.IsOfficeCompoundFile(head))
            throw TextDecoding.OfficeCompoundFile();
        if (!head.StartsWith("PK"u8))
            throw new DataFileFormatException("文件不是有效的 .xlsx 工作簿（不是 zip 格式），可能是改了扩展名的其他文件。请在 Excel 中另存为 .xlsx 后再导入。");

        try
        {
            using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is null)
                throw new DataFileFormatException("文件是 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。请在 Excel 中另存为 .xlsx 后再导入。");

            long total = 0;
            foreach (var entry in zip.Entries)
                total += entry.Length;
            if (total > MaxUncompressedBytes)
            {
                throw new DataFileFormatException(
                    $"工作簿解压后超过 {MaxUncompressedBytes / 1024 / 1024} MB 的上限。请只保留需要的工作表和列，或另存为 CSV 后再导入。");
            }
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(ex);
        }
    }

    private static DataFileFormatException Corrupt(Exception inner) =>
        new("无法读取 Excel 工作簿，文件可能已损坏或不完整。请在 Excel 中打开并重新另存为 .xlsx 后再导入。", inner);

    private static List<string?> ToFields(IDictionary<string, object?> row)
    {
        var fields = new List<string?>(row.Count);
        foreach (var (column, value) in row)
        {
            var index = ColumnIndex(column);
            if (index < 0)
                continue;
            while (fields.Count <= index)
                fields.Add(null);
            fields[index] = CellText(value);
        }

        return fields;
    }

    /// <summary>"A" → 0, "Z" → 25, "AA" → 26; -1 for anything else.</summary>
    internal static int ColumnIndex(string column)
    {
        if (column.Length is 0 or > 3)
            return -1;
        var index = 0;
        foreach (var c in column)
        {
            if (c is < 'A' or > 'Z')
                return -1;
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    internal static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "TRUE" : "FALSE",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
