namespace Portal.Moderation.DataFiles;

/// <summary>A column an import looks for: its Chinese name in messages, whether it must be present, and the header names accepted for it.</summary>
public sealed record ColumnSpec(string Name, bool Required, params string[] Aliases);

/// <summary>
/// Finds columns in a header row by their accepted names (English or Chinese, any order, any case, whitespace
/// inside names ignored). A missing required column or two candidates for one column throw
/// <see cref="DataFileFormatException"/> with a message that lists what was found and what is needed.
/// </summary>
public static class ColumnMatcher
{
    private const int MaxColumnsListed = 20;

    /// <summary>The index of each spec's column in <paramref name="header"/>, -1 for an optional column that is absent.</summary>
    /// <param name="needed">The sentence that tells the administrator which columns are needed, e.g. "需要：标题、内容、标签。".</param>
    public static int[] Match(IReadOnlyList<string> header, IReadOnlyList<ColumnSpec> specs, string needed)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(specs);
        var names = header.Select(NormalizeName).ToList();
        var indexes = specs.Select(spec => Find(names, header, spec)).ToArray();

        var missing = specs.Where((spec, i) => spec.Required && indexes[i] < 0).ToList();
        if (missing.Count > 0)
            throw new DataFileFormatException(MissingColumnsMessage(header, missing, needed));
        return indexes;
    }

    /// <summary>
    /// Drops byte-order marks and all whitespace (full-width spaces included; "标　题" is a common way to align
    /// headers) anywhere in the name; names are then compared ignoring case.
    /// </summary>
    internal static string NormalizeName(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c) && c != '\uFEFF'));

    private static int Find(List<string> names, IReadOnlyList<string> header, ColumnSpec spec)
    {
        var found = new List<int>();
        for (var i = 0; i < names.Count; i++)
        {
            if (spec.Aliases.Any(a => string.Equals(a, names[i], StringComparison.OrdinalIgnoreCase)))
                found.Add(i);
        }

        if (found.Count > 1)
        {
            // Two candidate columns (say 一级分类 and 承办部门): guessing could import the wrong one.
            var which = string.Join("、", found.Select(i => $"“{Display(header[i])}”"));
            throw new DataFileFormatException(
                $"文件有多个可作为“{spec.Name}”的列：{which}。请只保留其中一列（或把其他列改名）后重新导入。");
        }

        return found.Count == 1 ? found[0] : -1;
    }

    private static string MissingColumnsMessage(IReadOnlyList<string> header, List<ColumnSpec> missing, string needed)
    {
        var columns = header.Count == 0 || header.All(h => NormalizeName(h).Length == 0)
            ? "（无）"
            : string.Join(", ", header.Take(MaxColumnsListed).Select(Display)) + (header.Count > MaxColumnsListed ? $" 等 {header.Count} 列" : "");
        var what = string.Concat(missing.Select(m => $"“{m.Name}”"));
        var aliases = string.Join("；", missing.Select(m => $"“{m.Name}”列可用的列名：{string.Join("、", m.Aliases)}"));
        var message = $"文件缺少{what}列。找到的列：{columns}。{needed}{aliases}。请确认文件第一行是表头。";

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
