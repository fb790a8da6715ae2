using System.ComponentModel.DataAnnotations;

namespace Portal.Moderation.Receptions;

/// <summary>
/// The "Receptions" configuration section. Public lists show every session that has not ended yet
/// (scheduled or cancelled, with the reason); how far ahead a session is announced is up to the staff
/// who create it — the portal does not hide sessions created at short notice.
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
}
