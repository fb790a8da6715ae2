namespace Portal.Data.Routing;

/// <summary>How the router's suggestions are used.</summary>
public enum RoutingMode
{
    /// <summary>No suggestions: moderators route every opinion by hand.</summary>
    Off = 0,

    /// <summary>Suggestions are shown; moderators always confirm.</summary>
    SuggestOnly = 1,

    /// <summary>Confident suggestions are assigned on registration; the rest are confirmed by moderators.</summary>
    AutoAssign = 2,
}

/// <summary>The administrator's routing settings (a single row).</summary>
public sealed class RoutingSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public RoutingMode Mode { get; set; } = RoutingMode.AutoAssign;

    /// <summary>Overrides the active model's evaluated threshold; null uses the model's.</summary>
    public float? ThresholdOverride { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Concurrency token: bumped by every change of the settings.</summary>
    public int Version { get; set; }
}
