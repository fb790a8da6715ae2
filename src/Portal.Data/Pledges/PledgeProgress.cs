namespace Portal.Data.Pledges;

/// <summary>One entry of the fulfilment timeline (践诺进展): what was done on which (local) day, and who wrote it.</summary>
public sealed class PledgeProgress
{
    public const int MaxTextLength = 1000;

    private PledgeProgress()
    {
    }

    internal PledgeProgress(DateOnly date, string text, string? authorUserId, string authorName, DateTime utcNow)
    {
        Date = date;
        Text = text;
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        RecordedAt = utcNow;
    }

    public int Id { get; private set; }

    public int PledgeId { get; private set; }

    /// <summary>The local day the progress happened.</summary>
    public DateOnly Date { get; private set; }

    public string Text { get; private set; } = "";

    public string? AuthorUserId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }
}
