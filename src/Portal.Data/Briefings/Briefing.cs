namespace Portal.Data.Briefings;

/// <summary>Which period a briefing covers. Values are stored: never reorder or renumber.</summary>
public enum BriefingKind
{
    Weekly = 1,   // 周报
    Monthly = 2,  // 月报
}

/// <summary>
/// A periodic briefing (研判报告): the figures of one week or month frozen as a JSON snapshot when it was
/// generated. One briefing per kind and period (a unique index); never edited afterwards.
/// </summary>
public sealed class Briefing
{
    public const int MaxGeneratedByLength = 50;

    private Briefing()
    {
    }

    public int Id { get; private set; }

    public BriefingKind Kind { get; private set; }

    /// <summary>The first local day of the period.</summary>
    public DateOnly PeriodStart { get; private set; }

    /// <summary>The last local day of the period (inclusive).</summary>
    public DateOnly PeriodEnd { get; private set; }

    public DateTime GeneratedAt { get; private set; }

    /// <summary>Who asked for it: a leader's name, or "定时生成".</summary>
    public string GeneratedBy { get; private set; } = "";

    /// <summary>The briefing's content as it was at generation (a JSON document).</summary>
    public string ContentJson { get; private set; } = "";

    public static Briefing Create(BriefingKind kind, DateOnly periodStart, DateOnly periodEnd, string generatedBy, string contentJson, DateTime utcNow)
    {
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind));
        if (periodEnd < periodStart)
            throw new ArgumentException("The period ends before it starts.", nameof(periodEnd));
        ArgumentException.ThrowIfNullOrWhiteSpace(generatedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentJson);
        return new Briefing
        {
            Kind = kind,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            GeneratedBy = generatedBy.Length > MaxGeneratedByLength ? generatedBy[..MaxGeneratedByLength] : generatedBy,
            ContentJson = contentJson,
            GeneratedAt = utcNow,
        };
    }
}
