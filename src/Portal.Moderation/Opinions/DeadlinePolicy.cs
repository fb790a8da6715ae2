using Microsoft.Extensions.Options;
using Portal.Data.Departments;
using Portal.Data.Opinions;

namespace Portal.Moderation.Opinions;

/// <summary>
/// Computes the time limit (办理时限) of an assignment: N calendar days after the day of assignment,
/// ending at the end of that local day. N comes from the kind's setting, else the department's default.
/// (Working days and the holiday calendar come with the supervision feature.)
/// </summary>
public sealed class DeadlinePolicy(IOptions<WorkflowOptions> options)
{
    private readonly TimeZoneInfo _zone = FindZone(options.Value.TimeZone);

    public int DaysFor(Department department, OpinionKind kind)
    {
        ArgumentNullException.ThrowIfNull(department);
        return options.Value.DeadlineDaysByKind.TryGetValue(kind, out var days) && days > 0
            ? days
            : department.DefaultDeadlineDays;
    }

    /// <summary>The UTC instant at which an opinion assigned at <paramref name="assignedAtUtc"/> becomes overdue.</summary>
    public DateTime DeadlineFor(Department department, OpinionKind kind, DateTime assignedAtUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(assignedAtUtc, _zone);
        var endLocal = local.Date.AddDays(DaysFor(department, kind) + 1);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(endLocal, DateTimeKind.Unspecified), _zone);
    }

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
