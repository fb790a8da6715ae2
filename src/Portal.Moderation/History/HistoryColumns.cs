using Portal.Moderation.DataFiles;

namespace Portal.Moderation.History;

/// <summary>The columns of a historical-opinion file: title, body and time are required, the rest optional.</summary>
internal sealed class HistoryColumns
{
    private static readonly ColumnSpec[] Specs =
    [
        new("标题", Required: true, "title", "标题", "主题", "留言主题", "留言标题"),
        new("内容", Required: true, "body", "内容", "正文", "详情", "留言详情", "留言内容"),
        new("时间", Required: true, "time", "date", "时间", "留言时间", "提交时间", "日期", "留言日期", "来信时间"),
        new("片区", Required: false, "area", "片区", "地区", "区域", "所在地", "所属片区", "村（社区）", "村社区"),
        new("部门", Required: false, "department", "部门", "承办部门", "答复单位", "责任单位", "办理单位"),
        new("附议数", Required: false, "supports", "likes", "附议数", "附议", "点赞数", "支持数"),
        new("答复", Required: false, "reply", "答复", "答复意见", "答复内容", "回复", "回复内容"),
        new("答复时间", Required: false, "replytime", "reply_time", "答复时间", "回复时间", "办结时间"),
        new("类型", Required: false, "kind", "type", "类型", "留言类型", "诉求类型"),
        new("采纳情况", Required: false, "adoption", "采纳情况", "采纳"),
    ];

    private readonly int[] _indexes;

    private HistoryColumns(int[] indexes, int count)
    {
        _indexes = indexes;
        Count = count;
    }

    /// <summary>Number of columns in the header row.</summary>
    public int Count { get; }

    public int Title => _indexes[0];

    public int Body => _indexes[1];

    public int Time => _indexes[2];

    public int Area => _indexes[3];

    public int Department => _indexes[4];

    public int Supports => _indexes[5];

    public int Reply => _indexes[6];

    public int ReplyTime => _indexes[7];

    public int Kind => _indexes[8];

    public int Adoption => _indexes[9];

    public static HistoryColumns FromHeader(IReadOnlyList<string> header) =>
        new(ColumnMatcher.Match(header, Specs, "需要：标题、内容、时间；可选：片区、部门、附议数、答复、答复时间、类型、采纳情况。"), header.Count);
}
