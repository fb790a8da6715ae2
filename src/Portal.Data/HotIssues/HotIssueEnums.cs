namespace Portal.Data.HotIssues;

/// <summary>The state of a hot-issue group. Values are stored: never reorder or renumber.</summary>
public enum HotIssueStatus
{
    Open = 1,      // 跟踪中: new opinions may join
    Handled = 2,   // 已处置: a leader marked it handled; no new opinions join
    Merged = 3,    // 已合并: absorbed into another group; kept for its history
}

/// <summary>What a staff member did to a group. Values are stored: never reorder or renumber.</summary>
public enum HotIssueAction
{
    MergedFrom = 1,   // another group was merged into this one
    MergedInto = 2,   // this group was merged into another
    SplitOut = 3,     // opinions were moved out of this group into a new one
    SplitFrom = 4,    // this group was created from opinions split out of another
    Handled = 5,      // marked handled with a note
    Reopened = 6,     // handled group taken up again
}

/// <summary>Thrown when a step is not allowed on a group; the message is Chinese and nothing has changed.</summary>
public sealed class HotIssueStateException : InvalidOperationException
{
    public HotIssueStateException(string message) : base(message)
    {
    }

    public HotIssueStateException()
    {
    }

    public HotIssueStateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
