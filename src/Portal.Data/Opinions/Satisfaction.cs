namespace Portal.Data.Opinions;

/// <summary>The resident's rating of a published reply (回访 / 满意度), one per handling round.</summary>
public sealed class Satisfaction
{
    public const int MaxCommentLength = 500;

    private Satisfaction()
    {
    }

    public int Id { get; private set; }

    public int OpinionId { get; private set; }

    public int Round { get; private set; }

    public SatisfactionRating Rating { get; private set; }

    public string? Comment { get; private set; }

    public DateTime RatedAt { get; private set; }

    internal static Satisfaction Create(int round, SatisfactionRating rating, string? comment, DateTime utcNow)
    {
        if (!Enum.IsDefined(rating))
            throw new ArgumentOutOfRangeException(nameof(rating), "请选择满意、基本满意或不满意。");
        if (comment is { Length: > MaxCommentLength })
            throw new ArgumentException($"评价内容不能超过 {MaxCommentLength} 个字。", nameof(comment));
        return new Satisfaction
        {
            Round = round,
            Rating = rating,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment,
            RatedAt = utcNow,
        };
    }
}
