using System.ComponentModel.DataAnnotations;

namespace Portal.Moderation.Supervision;

/// <summary>The "Supervision" configuration section: the escalation rules and the background pass.</summary>
public sealed class SupervisionOptions
{
    public const string SectionName = "Supervision";

    /// <summary>Whether the background pass runs (off in integration tests, which run the pass themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between two passes of the background service.</summary>
    [Range(1, 1440)]
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>A reminder (催办) goes out when this many working days or fewer remain, today included (0: no reminders).</summary>
    [Range(0, 30)]
    public int ReminderWorkingDays { get; set; } = 2;

    /// <summary>Full working days after the deadline after which the notice turns yellow (黄牌).</summary>
    [Range(1, 60)]
    public int YellowAfterWorkingDays { get; set; } = 3;

    /// <summary>Further full working days after the yellow card after which it turns red (红牌).</summary>
    [Range(1, 60)]
    public int RedAfterWorkingDays { get; set; } = 5;
}
