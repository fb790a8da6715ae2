using System.ComponentModel.DataAnnotations;

namespace Portal.Moderation.Routing;

/// <summary>
/// The router's training settings. The defaults are the measured choice recorded in
/// docs/decisions/ADR-003-router-features.md.
/// </summary>
public sealed record RouterTrainingOptions
{
    /// <summary>Seed for fold assignment and the trainer: the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>Folds of the cross-validation that measures the model and chooses the threshold.</summary>
    [Range(2, 10)]
    public int Folds { get; init; } = 5;

    /// <summary>Character n-grams of length 1..N (sublinear TF-IDF) over the whitespace-free text.</summary>
    [Range(1, 4)]
    public int CharNgramLength { get; init; } = 2;

    /// <summary>
    /// Also use character 3-grams, as a view of their own (weighted and normalised apart from the 1..N-grams, so
    /// that their number does not drown the shorter grams). +0.007 macro-F1 on the reference protocol (ADR-003).
    /// No effect when <see cref="CharNgramLength"/> is 3 or more: the 3-grams are then in the first view.
    /// </summary>
    public bool CharTrigramView { get; init; } = true;

    /// <summary>Features seen in fewer training rows than this are dropped (smaller, faster, less noise).</summary>
    [Range(1, 20)]
    public int MinFeatureCount { get; init; } = 3;

    /// <summary>Also use word unigrams from lexicon segmentation (see <see cref="RouterText"/>).</summary>
    public bool UseWords { get; init; } = true;

    /// <summary>Weights rows by √(mean class size ÷ class size) so small departments are not drowned out.</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>
    /// L2 regularisation of the SDCA trainers (one logistic regression per label). Weaker than SDCA's automatic
    /// choice: on the reference data 3e-6 gave +0.005 macro-F1 (1e-4 and stronger lost several points; see ADR-003).
    /// </summary>
    [Range(1e-8, 1.0)]
    public float L2Regularization { get; init; } = 3e-6f;

    /// <summary>The auto-assignment threshold is the lowest confidence at which this share of assignments is right.</summary>
    [Range(0.5, 1.0)]
    public double TargetPrecision { get; init; } = 0.95;

    /// <summary>Fewest examples a label needs to be trained (and cross-validated).</summary>
    public const int MinRowsPerLabel = 5;
}
