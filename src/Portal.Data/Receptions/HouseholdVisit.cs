using Portal.Data.Opinions;

namespace Portal.Data.Receptions;

/// <summary>入户走访: a host (usually a deputy) visited a household; counted against the host's yearly target.</summary>
public sealed class HouseholdVisit
{
    public const int MaxHouseholdLength = 200;
    public const int MaxSummaryLength = 1000;

    private HouseholdVisit()
    {
    }

    public int Id { get; private set; }

    public int HostId { get; private set; }

    public ReceptionHost? Host { get; private set; }

    /// <summary>The local calendar day of the visit.</summary>
    public DateOnly VisitedOn { get; private set; }

    /// <summary>The household or its address (户主 / 住址).</summary>
    public string Household { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public string RecordedById { get; private set; } = "";

    public string RecordedByName { get; private set; } = "";

    /// <summary>Records a visit; <paramref name="today"/> is the local date, and a visit cannot lie in the future.</summary>
    public static HouseholdVisit Record(ReceptionHost host, DateOnly visitedOn, string household, string summary, ActorRef by, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(household);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        if (visitedOn > today)
            throw new ReceptionStateException("走访日期不能晚于今天。");
        return new HouseholdVisit
        {
            HostId = host.Id,
            Host = host,
            VisitedOn = visitedOn,
            Household = household,
            Summary = summary,
            RecordedAt = nowUtc,
            RecordedById = by.UserId ?? "",
            RecordedByName = by.Name,
        };
    }
}
