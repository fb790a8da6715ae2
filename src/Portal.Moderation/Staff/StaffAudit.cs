using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Portal.Moderation.Staff;

/// <summary>
/// The audit trail of staff actions outside the case history (departments, accounts, calendar, routing, receptions,
/// pledges): UTC time, the actor's user id, the action and the target's id, never a name or what anyone wrote.
/// Written to the security audit category (Portal.Security.Audit) that the web layer's <c>SecurityAudit</c> events
/// share, so that one sink collects both.
/// </summary>
public sealed partial class StaffAudit(ILoggerFactory loggers, TimeProvider clock)
{
    public const string Category = "Portal.Security.Audit";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    /// <param name="action">A stable dotted name, e.g. "department.save".</param>
    /// <param name="target">The id of what was acted on.</param>
    public void Record(StaffActor actor, string action, object target)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Record(actor.UserId, action, target);
    }

    /// <param name="actor">The acting account (an id or login name, never a person's name).</param>
    public void Record(string actor, string action, object target)
    {
        ArgumentNullException.ThrowIfNull(target);
        StaffAction(_logger, clock.GetUtcNow(), actor, action, Convert.ToString(target, CultureInfo.InvariantCulture) ?? "");
    }

    [LoggerMessage(EventId = 9008, Level = LogLevel.Information, Message = "Audit {AtUtc:O} staff action: actor={Actor} action={Action} target={Target}")]
    private static partial void StaffAction(ILogger logger, DateTimeOffset atUtc, string actor, string action, string target);
}
