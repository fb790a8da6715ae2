using Microsoft.Extensions.Options;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Moderation.Supervision;

namespace Portal.Moderation.Opinions;

/// <summary>
/// Computes the time limit (办理时限) of an assignment: N working days after the day of assignment (that day
/// not counted), ending at local midnight after the N-th working day. Working days follow the stored holiday
/// calendar (法定节假日 off, 调休 weekend days on). N comes from the department's setting for the kind of
/// opinion, else the department's default. Also the portal's one place for local-time conversions.
/// </summary>
public sealed class DeadlinePolicy
{
    private readonly TimeZoneInfo _zone;
    private readonly WorkingCalendarStore? _calendars;

    /// <summary>A policy over the default rule alone (Monday to Friday), for time-zone work and tests.</summary>
    public DeadlinePolicy(IOptions<WorkflowOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _zone = FindZone(options.Value.TimeZone);
    }

    /// <summary>A policy over the stored holiday calendar.</summary>
    public DeadlinePolicy(IOptions<WorkflowOptions> options, WorkingCalendarStore calendars)
        : this(options) => _calendars = calendars;

    public static int DaysFor(Department department, OpinionKind kind)
    {
        ArgumentNullException.ThrowIfNull(department);
        return department.KindDeadlines.FirstOrDefault(k => k.Kind == kind) is { WorkingDays: > 0 } own
            ? own.WorkingDays
            : department.DefaultDeadlineDays;
    }

    /// <summary>The stored calendar (cached), or the default rule when the policy has none.</summary>
    public ValueTask<WorkingCalendar> CalendarAsync(CancellationToken ct = default) =>
        _calendars?.GetAsync(ct) ?? ValueTask.FromResult(WorkingCalendar.WeekdaysOnly);

    /// <summary>The UTC instant at which an opinion assigned at <paramref name="assignedAtUtc"/> becomes overdue.</summary>
    public async Task<DateTime> DeadlineForAsync(Department department, OpinionKind kind, DateTime assignedAtUtc, CancellationToken ct = default) =>
        DeadlineFor(await CalendarAsync(ct).ConfigureAwait(false), DaysFor(department, kind), assignedAtUtc);

    /// <summary>The end of the <paramref name="workingDays"/>-th working day after the local day of <paramref name="assignedAtUtc"/>.</summary>
    public DateTime DeadlineFor(WorkingCalendar calendar, int workingDays, DateTime assignedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return EndOf(calendar.AddWorkingDays(LocalDay(assignedAtUtc), workingDays));
    }

    /// <summary>The UTC instant at which local day <paramref name="day"/> begins (its local midnight).</summary>
    public DateTime StartOf(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The UTC instant at which local day <paramref name="day"/> ends (the following local midnight).</summary>
    public DateTime EndOf(DateOnly day) => ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The local day an instant falls on.</summary>
    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The last local day of a time limit that ends at <paramref name="deadlineUtc"/>.</summary>
    public DateOnly LastDayOf(DateTime deadlineUtc) => DateOnly.FromDateTime(ToLocal(deadlineUtc).AddTicks(-1));

    /// <summary>Converts a stored UTC time to the portal's local time for display.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>Converts a local wall-clock time of the portal to UTC.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
