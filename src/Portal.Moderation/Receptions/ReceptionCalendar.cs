using System.Globalization;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Portal.Data.Receptions;

namespace Portal.Moderation.Receptions;

/// <summary>
/// iCalendar (RFC 5545) feeds of reception sessions. Times are written in UTC ("Z"), so no VTIMEZONE is
/// needed and every client shows them in its own zone; the UID is stable per session, so a subscriber's
/// calendar updates an event (or marks it STATUS:CANCELLED) instead of duplicating it.
/// </summary>
public sealed class ReceptionCalendar(ReceptionQueries queries, TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Uid(int sessionId, string host) => $"reception-session-{sessionId.ToString(CultureInfo.InvariantCulture)}@{host}";

    public async Task<string> FeedAsync(string title, string uidHost, Uri? siteBase, int? hostId = null, int? studioId = null, CancellationToken ct = default) =>
        Write(title, uidHost, siteBase, await queries.ForCalendarAsync(hostId, studioId, ct).ConfigureAwait(false));

    public string Write(string title, string uidHost, Uri? siteBase, IEnumerable<SessionListItem> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var calendar = new Calendar { ProductId = "-//Qinghe//Citizen Feedback Portal//ZH" };
        calendar.AddProperty("X-WR-CALNAME", title);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var s in sessions)
        {
            var e = new CalendarEvent
            {
                Uid = Uid(s.Id, uidHost),
                DtStamp = stamp,
                DtStart = new CalDateTime(DateTime.SpecifyKind(s.StartsAtUtc, DateTimeKind.Utc)),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(s.EndsAtUtc, DateTimeKind.Utc)),
                Summary = $"{ReceptionText.Method(s.Method)}：{s.HostPost} {s.HostName}",
                Location = s.Place,
                Description = Description(s),
                Status = s.Status == ReceptionSessionStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                // Every change through the entity bumps Version, so calendars apply a cancellation as an update.
                Sequence = Math.Max(0, s.Version - 1),
            };
            if (siteBase is not null)
                e.Url = new Uri(siteBase, $"/receptions/sessions/{s.Id.ToString(CultureInfo.InvariantCulture)}");
            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Description(SessionListItem s)
    {
        var lines = new List<string>
        {
            $"接访人：{s.HostName}（{s.HostPost}）",
            $"接访方式：{ReceptionText.Method(s.Method)}",
        };
        if (!string.IsNullOrEmpty(s.HostResponsibilities))
            lines.Add($"分管工作：{s.HostResponsibilities}");
        if (s.Focus is not null)
            lines.Add($"重点议题：{s.Focus}");
        if (s.Status == ReceptionSessionStatus.Cancelled)
            lines.Add($"已取消：{s.CancellationReason}");
        return string.Join('\n', lines);
    }
}
