using System.ComponentModel.DataAnnotations;

namespace Portal.Data.Backups;

/// <summary>The "Backups" configuration section: scheduled online backups with retention (off by default).</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backups";

    public bool Enabled { get; set; }

    /// <summary>Hours between two scheduled backups.</summary>
    [Range(1, 24 * 31)]
    public int IntervalHours { get; set; } = 24;

    /// <summary>Where backups go, relative to the content root unless absolute.</summary>
    [Required]
    public string Folder { get; set; } = "App_Data/backups";

    /// <summary>At most this many backups are kept (the newest).</summary>
    [Range(1, 10_000)]
    public int KeepCount { get; set; } = 14;

    /// <summary>Backups older than this many days are deleted (the newest one is always kept).</summary>
    [Range(1, 36_500)]
    public int KeepDays { get; set; } = 30;
}
