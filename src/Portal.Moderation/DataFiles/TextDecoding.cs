using System.Text;
using System.Text.Unicode;

namespace Portal.Moderation.DataFiles;

/// <summary>The text of a file and the name of the encoding it was read with.</summary>
internal readonly record struct DecodedText(string Text, string EncodingName);

/// <summary>
/// Detects the encoding of a text export: a byte-order mark first (UTF-8, UTF-16, UTF-32); else strict UTF-8;
/// else GBK, the encoding of Chinese Excel exports, and GB18030 (its superset) for what GBK cannot read.
/// Refuses binary content (images, zip archives, old Excel files) with a message the administrator can act on.
/// </summary>
internal static class TextDecoding
{
    private const int BinarySample = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // CodePagesEncodingProvider ships in the shared framework; registering it makes code page 936 (GBK) and GB18030 available.
    private static readonly Encoding StrictGbk = CreateChineseEncoding("GBK", DecoderFallback.ExceptionFallback);
    private static readonly Encoding Gb18030 = CreateChineseEncoding("GB18030", DecoderFallback.ReplacementFallback);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        RefuseKnownBinary(bytes);

        var decoded = DecodeText(bytes);
        RefuseBinaryText(decoded.Text);
        return decoded;
    }

    /// <summary>Recognises the binary files that are most often chosen by mistake.</summary>
    internal static void RefuseKnownBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            throw new DataFileFormatException(
                "文件内容是 zip 压缩包（Excel .xlsx 工作簿也是这种格式），不是文本文件。如果这是 Excel 工作簿，请使用 .xlsx 扩展名。");
        }

        if (IsOfficeCompoundFile(bytes))
            throw OfficeCompoundFile();
    }

    /// <summary>The signature of OLE compound files: old .xls/.doc, and encrypted .xlsx.</summary>
    internal static bool IsOfficeCompoundFile(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    internal static DataFileFormatException OfficeCompoundFile() =>
        new("文件是旧版 Excel（.xls）或加密的 Office 文件，无法直接读取。请在 Excel 中另存为未加密的 .xlsx，或“CSV UTF-8（逗号分隔）”后再导入。");

    private static DecodedText DecodeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeMarked(bytes[3..], StrictUtf8, "UTF-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return DecodeMarked(bytes[4..], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return DecodeMarked(bytes[4..], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32BE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return DecodeMarked(bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return DecodeMarked(bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16BE");

        if (Utf8.IsValid(bytes))
            return new DecodedText(StrictUtf8.GetString(bytes), "UTF-8");

        try
        {
            return new DecodedText(StrictGbk.GetString(bytes), "GBK");
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(Gb18030.GetString(bytes), "GB18030");
        }
    }

    private static DecodedText DecodeMarked(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        try
        {
            return new DecodedText(encoding.GetString(bytes), name);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DataFileFormatException(
                $"文件开头标明是 {name} 编码，但内容中有不符合 {name} 的字节，文件可能已损坏或由几种编码拼接而成。请重新导出后再导入。", ex);
        }
    }

    /// <summary>
    /// Text never holds NUL characters; a file that does is binary (an image, an archive) or UTF-16 without a
    /// byte-order mark. Many other control characters or undecodable bytes point the same way.
    /// </summary>
    private static void RefuseBinaryText(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, BinarySample));
        var suspicious = 0;
        foreach (var c in sample)
        {
            if (c is '\t' or '\n' or '\r' or '\f')
                continue;
            if (char.IsControl(c) || c == '\uFFFD')
                suspicious++;
        }

        if (text.Contains('\0', StringComparison.Ordinal) || suspicious > Math.Max(8, sample.Length / 20))
        {
            throw new DataFileFormatException(
                "文件看起来是二进制文件（例如图片、压缩包或不带 BOM 的 UTF-16 文本），不是制表符或逗号分隔的文本。"
                + "请从 Excel 另存为“CSV UTF-8（逗号分隔）”、“Unicode 文本”或 .xlsx 后再导入。");
        }
    }

    private static Encoding CreateChineseEncoding(string name, DecoderFallback fallback)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, fallback);
    }
}
