using Portal.Data.Opinions;

namespace Portal.Moderation.Opinions;

/// <summary>Turns the internal case history into the public wording residents see (no internal notes, no staff names).</summary>
public static class PublicTimeline
{
    public static string StatusText(OpinionStatus status) => status switch
    {
        OpinionStatus.Submitted => "已提交，等待受理",
        OpinionStatus.Registered => "已受理，正在确定承办部门",
        OpinionStatus.Assigned => "已交办承办部门",
        OpinionStatus.InProgress => "承办部门正在办理",
        OpinionStatus.Completed => "已办结，答复审核中",
        OpinionStatus.Published => "已答复",
        OpinionStatus.Rejected => "不予受理",
        OpinionStatus.Merged => "已与同类意见合并办理",
        _ => OpinionText.Of(status),
    };

    public static IReadOnlyList<TimelineEntry> From(IEnumerable<OpinionEvent> events)
    {
        var entries = new List<TimelineEntry>();
        foreach (var e in events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
        {
            var text = e.Action switch
            {
                OpinionAction.Submitted => "意见已提交",
                OpinionAction.Registered => "已受理登记",
                OpinionAction.Rejected => "不予受理：" + e.Note,
                OpinionAction.Merged => "与同类意见合并办理，答复将一并公开",
                OpinionAction.Assigned => "已交办承办部门",
                OpinionAction.Accepted => "承办部门已签收，正在办理",
                OpinionAction.Returned => "正在重新确定承办部门",
                OpinionAction.Completed => "承办部门已办结，答复审核中",
                OpinionAction.RevisionRequested => "答复正在完善",
                OpinionAction.Published => "答复已公开",
                OpinionAction.Rated => "您的评价：" + e.Note,
                OpinionAction.Reopened => "因评价不满意，重新办理",
                OpinionAction.ExtensionApproved => "经批准，办理时限已延长",
                _ => null,
            };
            if (text is not null)
                entries.Add(new TimelineEntry(e.OccurredAt, text));
        }

        return entries;
    }
}
