using System.Globalization;
using System.Security.Cryptography;
using Portal.Data.Opinions;
using Portal.Moderation.DataFiles;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.History;

/// <summary>
/// Reads a file of historical opinions (CSV, TSV or XLSX; UTF-8 or GBK) and validates it row by row: good rows are
/// kept, each bad row is reported with its line and the reason. A file that cannot be read as a whole throws
/// <see cref="DataFileFormatException"/>.
/// </summary>
public static class HistoryFileReader
{
    private const int MaxSupports = 1_000_000;

    public static async Task<HistoryFile> ReadAsync(Stream stream, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > TabularFileReader.MaxFileBytes)
                throw new DataFileFormatException($"文件太大，超过了 {TabularFileReader.MaxFileBytes / 1024 / 1024} MB 的上限。请拆分成几个文件分批导入。");
            copy.Write(buffer, 0, read);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(copy.GetBuffer().AsSpan(0, (int)copy.Length)));
        copy.Position = 0;
        var table = TabularFileReader.Read(copy, fileName);
        return Parse(table, Path.GetFileName(fileName), hash);
    }

    internal static HistoryFile Parse(TabularFile table, string fileName, string hash)
    {
        if (table.Rows.Count == 0)
            throw new DataFileFormatException("文件是空的，没有数据行。需要一行表头（标题、内容、时间）和至少一行数据。");
        var columns = HistoryColumns.FromHeader(table.Rows[0].Fields.Select(f => f ?? "").ToList());
        if (table.Rows.Count == 1)
            throw new DataFileFormatException("文件只有表头，没有数据行。");

        var rows = new List<HistoryRow>();
        var errors = new List<HistoryRowError>();
        foreach (var row in table.Rows.Skip(1))
        {
            var error = ParseRow(row, columns, table.IsDelimited, out var parsed);
            if (error is null)
                rows.Add(parsed!);
            else
                errors.Add(new HistoryRowError(row.LineNumber, error));
        }

        return new HistoryFile(fileName, hash, table.Format, table.Encoding, rows, errors);
    }

    private static string? ParseRow(TableRow row, HistoryColumns columns, bool delimited, out HistoryRow? parsed)
    {
        parsed = null;
        var f = row.Fields;
        string? Field(int index, bool multiline = false) =>
            index >= 0 && index < f.Count ? TextInput.Clean(f[index], multiline) : null;

        var title = Field(columns.Title);
        var body = Field(columns.Body, multiline: true);
        if (body is null)
            return "内容为空。";
        if (body.Length > Opinion.MaxBodyLength)
            return $"内容有 {body.Length} 字，超过了 {Opinion.MaxBodyLength} 字的上限。";
        title ??= TitleFrom(body);
        if (title.Length > Opinion.MaxTitleLength)
            return $"标题有 {title.Length} 字，超过了 {Opinion.MaxTitleLength} 字的上限。";

        var timeText = Field(columns.Time);
        if (ImportTime.ParseLocal(timeText) is not { } submitted)
            return timeText is null ? "时间为空。" : $"时间“{timeText}”无法识别，请使用 2024-03-05 10:22 这样的格式。";

        var area = Field(columns.Area);
        if (area is { Length: > Opinion.MaxAreaLength })
            return $"片区“{area}”超过了 {Opinion.MaxAreaLength} 字。";

        var supports = 0;
        if (Field(columns.Supports) is { } supportText
            && (!int.TryParse(supportText.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out supports) || supports > MaxSupports))
            return $"附议数“{supportText}”不是有效的非负整数。";

        var reply = Field(columns.Reply, multiline: true);
        var replyTimeText = Field(columns.ReplyTime);
        DateTime? replied = null;
        if (reply is not null)
        {
            if (reply.Length > HandlingResult.MaxReplyLength)
                return $"答复有 {reply.Length} 字，超过了 {HandlingResult.MaxReplyLength} 字的上限。";
            if (replyTimeText is null)
                return "有答复内容，但缺少答复时间。";
            replied = ImportTime.ParseLocal(replyTimeText);
            if (replied is null)
                return $"答复时间“{replyTimeText}”无法识别，请使用 2024-03-05 10:22 这样的格式。";
            if (replied < submitted)
                return "答复时间早于留言时间。";
        }

        OpinionKind? kind = null;
        if (Field(columns.Kind) is { } kindText && (kind = ParseName<OpinionKind>(kindText, OpinionText.Of)) is null)
            return $"类型“{kindText}”无法识别，可填：{string.Join("、", Enum.GetValues<OpinionKind>().Select(OpinionText.Of))}。";
        Adoption? adoption = null;
        if (Field(columns.Adoption) is { } adoptionText && (adoption = ParseName<Adoption>(adoptionText, OpinionText.Of)) is null)
            return $"采纳情况“{adoptionText}”无法识别，可填：{string.Join("、", Enum.GetValues<Adoption>().Select(OpinionText.Of))}。";

        if (delimited && f.Count > columns.Count && f.Skip(columns.Count).Any(x => !string.IsNullOrWhiteSpace(x)))
            return $"该行有 {f.Count} 个字段，比表头的 {columns.Count} 列多，可能是内容中含有未加引号的分隔符（逗号或制表符），各列已错位。";

        parsed = new HistoryRow(row.LineNumber, title, body, submitted, area, Field(columns.Department), supports, reply, replied, kind, adoption);
        return null;
    }

    /// <summary>A message without a title is titled by its first sentence, cut to 30 characters.</summary>
    internal static string TitleFrom(string body)
    {
        var end = body.IndexOfAny(['。', '！', '？', '!', '?', '\n']);
        var sentence = (end > 0 ? body[..end] : body).Trim();
        return sentence.Length > 30 ? string.Concat(sentence.AsSpan(0, 30), "…") : sentence;
    }

    private static T? ParseName<T>(string text, Func<T, string> chinese)
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => chinese(v) == text || string.Equals(v.ToString(), text, StringComparison.OrdinalIgnoreCase))
            .Select(v => (T?)v).FirstOrDefault();
}
