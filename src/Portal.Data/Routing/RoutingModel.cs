namespace Portal.Data.Routing;

/// <summary>
/// A trained department-router model in the registry. The model itself is a file under the models folder;
/// this row records what it is, how well it did on cross-validation and whether it is the active one.
/// </summary>
public sealed class RoutingModel
{
    public const int MaxFileNameLength = 200;
    public const int MaxTrainedByLength = 50;

    public int Id { get; set; }

    /// <summary>Increasing number shown to administrators ("模型 v3").</summary>
    public int Version { get; set; }

    /// <summary>The file name inside the models folder.</summary>
    public required string FileName { get; set; }

    public DateTime TrainedAt { get; set; }

    public required string TrainedBy { get; set; }

    public int ExampleCount { get; set; }

    public double MacroF1 { get; set; }

    public double Accuracy { get; set; }

    /// <summary>The auto-assignment threshold chosen on cross-validation.</summary>
    public float Threshold { get; set; }

    /// <summary>Share of opinions that would be auto-assigned at <see cref="Threshold"/>.</summary>
    public double CoverageAtThreshold { get; set; }

    /// <summary>The full evaluation report (JSON) shown on the admin page.</summary>
    public required string ReportJson { get; set; }

    public bool IsActive { get; set; }

    public DateTime? ActivatedAt { get; set; }
}
