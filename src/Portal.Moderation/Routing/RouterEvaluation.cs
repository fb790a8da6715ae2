namespace Portal.Moderation.Routing;

/// <summary>Quality of a router on labelled messages it did not train on.</summary>
public sealed record RouterEvaluation
{
    /// <summary>How it was measured, e.g. "5 折交叉验证" or "留出集".</summary>
    public required string Method { get; init; }

    public int N { get; init; }

    public double Accuracy { get; init; }

    public double MacroF1 { get; init; }

    /// <summary>Labels in the order of the confusion matrix' rows and columns.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    public required IReadOnlyDictionary<string, ClassMetrics> PerClass { get; init; }

    /// <summary>Confusion[truth][predicted] counts, indexed like <see cref="Labels"/>.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Confusion { get; init; }

    /// <summary>Coverage and precision of auto-assignment at thresholds 0.00, 0.01, …, 1.00.</summary>
    public required IReadOnlyList<CoveragePoint> Curve { get; init; }

    public double TargetPrecision { get; init; }

    /// <summary>The lowest threshold whose auto-assignments reach <see cref="TargetPrecision"/>.</summary>
    public float RecommendedThreshold { get; init; }

    public double CoverageAtThreshold { get; init; }

    public double PrecisionAtThreshold { get; init; }
}

/// <param name="Precision">Share of messages predicted as this label that were right.</param>
/// <param name="Recall">Share of this label's messages that were found.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Messages of this label in the evaluation.</param>
public sealed record ClassMetrics(double Precision, double Recall, double F1, int Support);

/// <param name="Threshold">Minimum confidence for auto-assignment.</param>
/// <param name="Coverage">Share of messages whose confidence reaches the threshold.</param>
/// <param name="Precision">Share of those whose best label is right (1 when none reach it).</param>
public sealed record CoveragePoint(float Threshold, double Coverage, double Precision);
