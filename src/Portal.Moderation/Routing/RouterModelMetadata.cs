namespace Portal.Moderation.Routing;

/// <summary>What a model file says about itself: how it was trained, on what, and how well it did.</summary>
public sealed record RouterModelMetadata
{
    /// <summary>The model-file layout version; files of another layout are refused (2: NB-scaled one-versus-rest classifier).</summary>
    public const int CurrentFormatVersion = 2;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public DateTime TrainedAtUtc { get; init; }

    /// <summary>The Microsoft.ML version that wrote the model.</summary>
    public required string MlNetVersion { get; init; }

    public required RouterTrainingOptions Options { get; init; }

    /// <summary>The labels the model knows, in the order of its scores.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    public required IReadOnlyDictionary<string, int> RowsPerLabel { get; init; }

    public int ExampleCount => RowsPerLabel.Values.Sum();

    /// <summary>Words in the segmentation lexicon learnt from pre-segmented rows (0 when none were given).</summary>
    public int LexiconSize { get; init; }

    public double TrainingSeconds { get; init; }

    /// <summary>Cross-validated quality; null for a model trained without evaluation.</summary>
    public RouterEvaluation? Evaluation { get; init; }

    /// <summary>The recommended auto-assignment threshold (from <see cref="Evaluation"/>), or 1 without one.</summary>
    public float Threshold => Evaluation?.RecommendedThreshold ?? 1f;
}
