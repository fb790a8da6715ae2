using Portal.Data.Opinions;

namespace Portal.Data.HotIssues;

/// <summary>
/// A hot issue (热点问题): opinions about the same thing, grouped automatically and corrected by leaders.
/// Membership changes through the methods below; staff actions (merge, split, handled) append a
/// <see cref="HotIssueEvent"/>. Counts and the heat index are computed by queries, not stored.
/// </summary>
public sealed class HotIssueGroup
{
    public const int MaxTitleLength = 100;
    public const int MaxNoteLength = HotIssueEvent.MaxNoteLength;

    private readonly List<HotIssueMember> _members = [];
    private readonly List<HotIssueEvent> _events = [];

    private HotIssueGroup()
    {
    }

    public int Id { get; private set; }

    /// <summary>The representative title: the title of the member closest to the group's centre.</summary>
    public string Title { get; private set; } = "";

    public HotIssueStatus Status { get; private set; }

    /// <summary>When the earliest and the latest member opinion came in.</summary>
    public DateTime FirstAt { get; private set; }

    public DateTime LastAt { get; private set; }

    public string? HandledNote { get; private set; }

    public string? HandledByName { get; private set; }

    public DateTime? HandledAt { get; private set; }

    public int? MergedIntoId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Concurrency token: incremented by every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<HotIssueMember> Members => _members;

    public IReadOnlyList<HotIssueEvent> Events => _events;

    /// <summary>Whether the grouping may still add opinions to it.</summary>
    public bool IsOpen => Status == HotIssueStatus.Open;

    /// <summary>A new group around its first opinion.</summary>
    public static HotIssueGroup Start(string title, int opinionId, DateTime opinionAt, DateTime utcNow)
    {
        var group = new HotIssueGroup { Status = HotIssueStatus.Open, CreatedAt = utcNow, FirstAt = opinionAt, LastAt = opinionAt };
        group.Retitle(title, utcNow);
        group.Join(opinionId, opinionAt, 1, utcNow);
        return group;
    }

    /// <summary>The grouping adds an opinion it found similar enough. Only an open group takes new opinions.</summary>
    public void Join(int opinionId, DateTime opinionAt, double similarity, DateTime utcNow)
    {
        if (!IsOpen)
            throw new HotIssueStateException("该热点已处置或已合并，不再归入新的意见。");
        if (_members.Any(m => m.OpinionId == opinionId))
            return;
        Add(new HotIssueMember(opinionId, opinionAt, similarity, pinned: false, utcNow), utcNow);
    }

    /// <summary>Sets the representative title (the grouping recomputes it as members come and go).</summary>
    public void Retitle(string title, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        title = title.Trim();
        Title = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title;
        Touch(utcNow);
    }

    /// <summary>Removes the opinions a rebuild will place again (those no person placed). Returns how many.</summary>
    public int ReleaseUnpinned(IReadOnlySet<int> opinionIds, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(opinionIds);
        var removed = _members.RemoveAll(m => !m.IsPinned && opinionIds.Contains(m.OpinionId));
        if (removed > 0)
        {
            RecomputeDates();
            Touch(utcNow);
        }

        return removed;
    }

    /// <summary>Moves every opinion of this group into <paramref name="target"/>; this group stays as a record.</summary>
    public void MergeInto(HotIssueGroup target, ActorRef by, string? note, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(by);
        if (ReferenceEquals(target, this) || target.Id == Id)
            throw new HotIssueStateException("不能把热点合并到它自己。");
        if (Status == HotIssueStatus.Merged || target.Status == HotIssueStatus.Merged)
            throw new HotIssueStateException("已合并的热点不能再合并。");

        var moving = _members.ToList();
        _members.Clear();
        if (target._members.Count == 0 && moving.Count > 0)
            (target.FirstAt, target.LastAt) = (moving.Min(m => m.OpinionAt), moving.Max(m => m.OpinionAt));
        foreach (var member in moving)
        {
            member.Pin();
            target.Add(member, utcNow);
        }

        Status = HotIssueStatus.Merged;
        MergedIntoId = target.Id;
        _events.Add(new HotIssueEvent(HotIssueAction.MergedInto, by, note, target.Id, utcNow));
        target._events.Add(new HotIssueEvent(HotIssueAction.MergedFrom, by, Describe(note, $"并入「{Title}」（{moving.Count} 条意见）"), Id, utcNow));
        Touch(utcNow);
    }

    /// <summary>Moves the given opinions out into a new group (returned, not yet saved). At least one must stay.</summary>
    public HotIssueGroup SplitOut(IReadOnlyCollection<int> opinionIds, string title, ActorRef by, string? note, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(opinionIds);
        ArgumentNullException.ThrowIfNull(by);
        if (Status == HotIssueStatus.Merged)
            throw new HotIssueStateException("已合并的热点不能拆分。");
        var moving = _members.Where(m => opinionIds.Contains(m.OpinionId)).ToList();
        if (moving.Count == 0)
            throw new HotIssueStateException("请选择要拆分出去的意见。");
        if (moving.Count != opinionIds.Distinct().Count())
            throw new HotIssueStateException("所选意见不全属于该热点，请刷新后重试。");
        if (moving.Count == _members.Count)
            throw new HotIssueStateException("至少要留下一条意见；如要整体处理，请使用“标记已处置”。");

        var split = new HotIssueGroup { Status = HotIssueStatus.Open, CreatedAt = utcNow, FirstAt = moving.Min(m => m.OpinionAt), LastAt = moving.Max(m => m.OpinionAt) };
        split.Retitle(title, utcNow);
        foreach (var member in moving)
        {
            _members.Remove(member);
            member.Pin();
            split.Add(member, utcNow);
        }

        // Those that stay were confirmed by the same person: a rebuild keeps them together too.
        foreach (var member in _members)
            member.Pin();
        RecomputeDates();
        _events.Add(new HotIssueEvent(HotIssueAction.SplitOut, by, Describe(note, $"拆分出 {moving.Count} 条意见为新热点「{split.Title}」"), null, utcNow));
        split._events.Add(new HotIssueEvent(HotIssueAction.SplitFrom, by, Describe(note, $"由「{Title}」拆分而来"), Id, utcNow));
        Touch(utcNow);
        return split;
    }

    public void MarkHandled(string note, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(note))
            throw new HotIssueStateException("请填写处置情况说明。");
        if (note.Length > MaxNoteLength)
            throw new HotIssueStateException($"处置情况说明不能超过 {MaxNoteLength} 个字。");
        if (Status != HotIssueStatus.Open)
            throw new HotIssueStateException(Status == HotIssueStatus.Handled ? "该热点已标记为已处置。" : "已合并的热点不能标记处置。");
        Status = HotIssueStatus.Handled;
        HandledNote = note;
        HandledByName = by.Name;
        HandledAt = utcNow;
        _events.Add(new HotIssueEvent(HotIssueAction.Handled, by, note, null, utcNow));
        Touch(utcNow);
    }

    public void Reopen(string? note, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != HotIssueStatus.Handled)
            throw new HotIssueStateException("只有已处置的热点可以重新跟踪。");
        Status = HotIssueStatus.Open;
        _events.Add(new HotIssueEvent(HotIssueAction.Reopened, by, note, null, utcNow));
        Touch(utcNow);
    }

    private void Add(HotIssueMember member, DateTime utcNow)
    {
        // Works on a partly loaded member list too: the grouping loads only recent members of big groups.
        _members.Add(member);
        FirstAt = Min(FirstAt, member.OpinionAt);
        LastAt = Max(LastAt, member.OpinionAt);
        Touch(utcNow);
    }

    private void RecomputeDates()
    {
        if (_members.Count == 0)
            return;
        FirstAt = _members.Min(m => m.OpinionAt);
        LastAt = _members.Max(m => m.OpinionAt);
    }

    private void Touch(DateTime utcNow)
    {
        UpdatedAt = utcNow;
        Version++;
    }

    private static string Describe(string? note, string what) => string.IsNullOrWhiteSpace(note) ? what : $"{what}：{note}";

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
