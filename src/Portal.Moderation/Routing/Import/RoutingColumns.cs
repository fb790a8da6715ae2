using Portal.Moderation.DataFiles;

namespace Portal.Moderation.Routing.Import;

/// <summary>
/// Finds the title, body and label columns in a header row by their accepted names (English or Chinese,
/// any order, any case). Title is optional; body and label are required.
/// </summary>
internal sealed class RoutingColumns
{
    private static readonly string[] TitleNames = ["title", "标题", "主题", "留言主题"];
    private static readonly string[] BodyNames = ["body", "内容", "正文", "详情", "留言详情", "留言内容"];
    private static readonly string[] LabelNames = ["label", "标签", "类别", "分类", "一级分类", "部门", "承办部门"];

    private const int MaxColumnsListed = 20;

    private RoutingColumns(int title, int body, int label, int count)
    {
        Title = title;
        Body = body;
        Label = label;
        Count = count;
    }

    /// <summary>Index of the title column, or -1 when the file has none.</summary>
    public int Title { get; }

    public int Body { get; }

    public int Label { get; }

    /// <summary>Number of columns in the header row.</summary>
    public int Count { get; }

    /// <summary>Maps a header row, or throws a <see cref="DataFileFormatException"/> that lists what was found and what is needed.</summary>
    public static RoutingColumns FromHeader(IReadOnlyList<string> header)
    {
        var names = header.Select(NormalizeName).ToList();
        var title = Find(names, header, TitleNames, "标题");
        var body = Find(names, header, BodyNames, "内容");
        var label = Find(names, header, LabelNames, "标签");

        var missing = new List<(string Name, string[] Aliases)>();
        if (body < 0)
            missing.Add(("内容", BodyNames));
        if (label < 0)
            missing.Add(("标签", LabelNames));
        if (missing.Count > 0)
            throw new DataFileFormatException(MissingColumnsMessage(header, missing));

        return new RoutingColumns(title, body, label, header.Count);
    }

    /// <summary>
    /// Drops byte-order marks and all whitespace (full-width spaces included; "标　题" is a common way to align
    /// headers) anywhere in the name; names are then compared ignoring case.
    /// </summary>
    internal static string NormalizeName(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c) && c != '\uFEFF'));

    private static int Find(List<string> names, IReadOnlyList<string> header, string[] aliases, string field)
    {
        var found = new List<int>();
        for (var i = 0; i < names.Count; i++)
        {
            if (aliases.Any(a => string.Equals(a, names[i], StringComparison.OrdinalIgnoreCase)))
                found.Add(i);
        }

        if (found.Count > 1)
        {
            // Two candidate columns (say 一级分类 and 承办部门): guessing could train the router on the wrong labels.
            var which = string.Join("、", found.Select(i => $"“{Display(header[i])}”"));
            throw new DataFileFormatException(
                $"文件有多个可作为“{field}”的列：{which}。请只保留其中一列（或把其他列改名）后重新导入。");
        }

        return found.Count == 1 ? found[0] : -1;
    }

    private static string MissingColumnsMessage(IReadOnlyList<string> header, List<(string Name, string[] Aliases)> missing)
    {
        var columns = header.Count == 0 || header.All(h => NormalizeName(h).Length == 0)
            ? "（无）"
            : string.Join(", ", header.Take(MaxColumnsListed).Select(Display)) + (header.Count > MaxColumnsListed ? $" 等 {header.Count} 列" : "");
        var what = string.Concat(missing.Select(m => $"“{m.Name}”"));
        var aliases = string.Join("；", missing.Select(m => $"“{m.Name}”列可用的列名：{string.Join("、", m.Aliases)}"));
        var message = $"文件缺少{what}列。找到的列：{columns}。需要：标题、内容、标签（或 title, body, label），其中标题列可以省略。{aliases}。请确认文件第一行是表头。";

        if (header.Count == 1)
        {
            var only = header[0];
            if (only.Contains('\t', StringComparison.Ordinal))
                message += "表头中有制表符：这可能是制表符分隔的文件，请把扩展名改为 .tsv。";
            else if (only.Contains(',', StringComparison.Ordinal) || only.Contains('，', StringComparison.Ordinal))
                message += "表头中有逗号：这可能是逗号分隔的文件，请把扩展名改为 .csv（中文逗号“，”不能作为分隔符）。";
            else if (only.Contains(';', StringComparison.Ordinal))
                message += "表头中有分号：不支持分号分隔的文件，请在 Excel 中另存为 CSV（逗号分隔）或 .xlsx。";
        }

        return message;
    }

    /// <summary>A header name as the administrator typed it, on one line and cut short if long.</summary>
    private static string Display(string name)
    {
        var shown = string.Concat(name.Select(c => char.IsControl(c) ? ' ' : c)).Replace("\uFEFF", "", StringComparison.Ordinal).Trim();
        if (shown.Length == 0)
            return "（空）";
        return shown.Length > 30 ? string.Concat(shown.AsSpan(0, 30), "…") : shown;
    }
}
