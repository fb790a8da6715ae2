using System.ComponentModel.DataAnnotations;

namespace Portal.Moderation.Pledges;

/// <summary>
/// The "Pledges" configuration section: the reminder window and the evaluation formula (ADR-011).
/// Weights are relative (they need not add up to 100); points and thresholds are on a 0–100 scale.
/// </summary>
public sealed class PledgeOptions : IValidatableObject
{
    public const string SectionName = "Pledges";

    /// <summary>A published pledge due within this many days is listed as due soon.</summary>
    [Range(1, 365)]
    public int DueSoonDays { get; set; } = 14;

    [Range(0, 100)] public int SelfWeight { get; set; } = 10;
    [Range(0, 100)] public int PeerWeight { get; set; } = 30;
    [Range(0, 100)] public int PublicWeight { get; set; } = 40;
    [Range(0, 100)] public int LeaderWeight { get; set; } = 20;

    /// <summary>Lowest score graded 优秀 / 合格 / 基本合格; below the last one: 不合格.</summary>
    [Range(0, 100)] public decimal ExcellentFrom { get; set; } = 90;
    [Range(0, 100)] public decimal QualifiedFrom { get; set; } = 75;
    [Range(0, 100)] public decimal BasicallyQualifiedFrom { get; set; } = 60;

    /// <summary>Points of a grade given by the owner, a peer or a leader.</summary>
    [Range(0, 100)] public decimal ExcellentPoints { get; set; } = 100;
    [Range(0, 100)] public decimal QualifiedPoints { get; set; } = 80;
    [Range(0, 100)] public decimal BasicallyQualifiedPoints { get; set; } = 60;
    [Range(0, 100)] public decimal UnqualifiedPoints { get; set; } = 30;

    /// <summary>Points of a resident's rating.</summary>
    [Range(0, 100)] public decimal SatisfiedPoints { get; set; } = 100;
    [Range(0, 100)] public decimal BasicallySatisfiedPoints { get; set; } = 70;
    [Range(0, 100)] public decimal DissatisfiedPoints { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SelfWeight + PeerWeight + PublicWeight + LeaderWeight <= 0)
            yield return new ValidationResult("At least one evaluation weight must be positive.", [nameof(SelfWeight)]);
        if (!(ExcellentFrom > QualifiedFrom && QualifiedFrom > BasicallyQualifiedFrom))
            yield return new ValidationResult("Grade thresholds must descend: ExcellentFrom > QualifiedFrom > BasicallyQualifiedFrom.", [nameof(ExcellentFrom)]);
    }
}
