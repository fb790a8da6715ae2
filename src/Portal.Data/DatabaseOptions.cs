using System.ComponentModel.DataAnnotations;

namespace Portal.Data;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The SQLite file, relative to the content root unless absolute.</summary>
    [Required]
    public string Path { get; set; } = "App_Data/portal.db";

    /// <summary>How long a command waits for another writer before failing, in milliseconds.</summary>
    [Range(100, 120_000)]
    public int BusyTimeoutMs { get; set; } = 10_000;

    /// <summary>Apply pending migrations at start-up (the embedded default).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
