using Portal.Moderation.DataFiles;

namespace Portal.Moderation.Routing.Import;

/// <summary>
/// Finds the title, body and label columns in a header row by their accepted names (English or Chinese,
/// any order, any case). Title is optional; body and label are required.
/// </summary>
internal sealed class RoutingColumns
{
    private static readonly ColumnSpec[] Specs =
    [
        new("标题", Required: false, "title", "标题", "主题", "留言主题"),
        new("内容", Required: true, "body", "内容", "正文", "详情", "留言详情", "留言内容"),
        new("标签", Required: true, "label", "标签", "类别", "分类", "一级分类", "部门", "承办部门"),
    ];

    private RoutingColumns(int[] indexes, int count)
    {
        Title = indexes[0];
        Body = indexes[1];
        Label = indexes[2];
        Count = count;
    }

    /// <summary>Index of the title column, or -1 when the file has none.</summary>
    public int Title { get; }

    public int Body { get; }

    public int Label { get; }

    /// <summary>Number of columns in the header row.</summary>
    public int Count { get; }

    /// <summary>Maps a header row, or throws a <see cref="DataFileFormatException"/> that lists what was found and what is needed.</summary>
    public static RoutingColumns FromHeader(IReadOnlyList<string> header) =>
        new(ColumnMatcher.Match(header, Specs, "需要：标题、内容、标签（或 title, body, label），其中标题列可以省略。"), header.Count);
}
