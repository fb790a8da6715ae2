using System.ComponentModel.DataAnnotations;

namespace Portal.Moderation.Receptions;

/// <summary>
/// The "Receptions" configuration section. Public lists show every session that has not ended yet
/// (scheduled or cancelled, with the reason). Sessions are announced at least <see cref="PublishDaysAhead"/>
/// days ahead; a shorter notice needs a recorded emergency reason (ADR-010).
/// </summary>
public sealed class ReceptionOptions
{
    public const string SectionName = "Receptions";

    /// <summary>Booking closes this many hours before a session starts.</summary>
    [Range(0, 24 * 30)]
    public int BookingClosesHoursBefore { get; set; } = 24;

    /// <summary>How many days back the iCalendar feeds reach (past sessions stay in subscribers' calendars).</summary>
    [Range(0, 3660)]
    public int CalendarDaysBack { get; set; } = 90;

    /// <summary>A session must be published at least this many days before it starts (接访安排提前公布).</summary>
    [Range(0, 60)]
    public int PublishDaysAhead { get; set; } = 3;

    /// <summary>The default yearly reception target of a new leader host (the organisation's own rule; a township: weekly).</summary>
    [Range(0, 366)]
    public int DefaultLeaderReceptionsPerYear { get; set; } = 12;

    /// <summary>The default yearly reception target of a new deputy (DOMAIN.md: at least 2 times a year at the studio).</summary>
    [Range(0, 366)]
    public int DefaultDeputyReceptionsPerYear { get; set; } = 2;

    /// <summary>The default yearly household-visit target of a new deputy (DOMAIN.md: at least 10 households a year).</summary>
    [Range(0, 366)]
    public int DefaultDeputyVisitsPerYear { get; set; } = 10;

    /// <summary>The default yearly household-visit target of a new leader (0: not required).</summary>
    [Range(0, 366)]
    public int DefaultLeaderVisitsPerYear { get; set; }

    public int DefaultReceptionsFor(Portal.Data.Receptions.ReceptionHostKind kind) =>
        kind == Portal.Data.Receptions.ReceptionHostKind.Deputy ? DefaultDeputyReceptionsPerYear : DefaultLeaderReceptionsPerYear;

    public int DefaultVisitsFor(Portal.Data.Receptions.ReceptionHostKind kind) =>
        kind == Portal.Data.Receptions.ReceptionHostKind.Deputy ? DefaultDeputyVisitsPerYear : DefaultLeaderVisitsPerYear;
}
