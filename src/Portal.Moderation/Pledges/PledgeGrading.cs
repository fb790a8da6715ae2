using System.Globalization;
using Portal.Data.Opinions;
using Portal.Data.Pledges;

namespace Portal.Moderation.Pledges;

/// <summary>What the evaluation of one pledge is computed from.</summary>
public sealed record PledgeEvaluationInputs(
    PledgeGrade? Self,
    IReadOnlyList<PledgeGrade> Peers,
    int Satisfied,
    int BasicallySatisfied,
    int Dissatisfied,
    PledgeGrade? Leader)
{
    public int PublicCount => Satisfied + BasicallySatisfied + Dissatisfied;
}

/// <summary>A computed result: the score (0–100, two decimals) and its grade.</summary>
public sealed record PledgeGradeResult(decimal Score, PledgeGrade Grade);

/// <summary>
/// The evaluation formula (ADR-011). Each part present gets its points — the self grade, the mean of the peer
/// grades, the mean of the residents' ratings, the leader's grade — and the score is the weighted mean of the
/// parts present (missing parts drop out and the other weights are re-normalised), rounded half away from zero
/// to two decimals; the grade is the first threshold the score reaches. Decimal arithmetic: no binary drift
/// at the boundaries.
/// </summary>
public static class PledgeGrading
{
    /// <summary>The result, or null when no part is present (nothing to grade on).</summary>
    public static PledgeGradeResult? Compute(PledgeEvaluationInputs inputs, PledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var parts = new List<(decimal Weight, decimal Points)>(4);
        if (inputs.Self is { } self)
            parts.Add((options.SelfWeight, PointsOf(self, options)));
        if (inputs.Peers.Count > 0)
            parts.Add((options.PeerWeight, inputs.Peers.Sum(g => PointsOf(g, options)) / inputs.Peers.Count));
        if (inputs.PublicCount > 0)
        {
            var sum = inputs.Satisfied * options.SatisfiedPoints + inputs.BasicallySatisfied * options.BasicallySatisfiedPoints
                + inputs.Dissatisfied * options.DissatisfiedPoints;
            parts.Add((options.PublicWeight, sum / inputs.PublicCount));
        }

        if (inputs.Leader is { } leader)
            parts.Add((options.LeaderWeight, PointsOf(leader, options)));

        var totalWeight = parts.Sum(p => p.Weight);
        if (totalWeight <= 0)
            return null;
        var score = Math.Round(parts.Sum(p => p.Weight * p.Points) / totalWeight, 2, MidpointRounding.AwayFromZero);
        return new PledgeGradeResult(score, GradeOf(score, options));
    }

    public static PledgeGrade GradeOf(decimal score, PledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return score >= options.ExcellentFrom ? PledgeGrade.Excellent
            : score >= options.QualifiedFrom ? PledgeGrade.Qualified
            : score >= options.BasicallyQualifiedFrom ? PledgeGrade.BasicallyQualified
            : PledgeGrade.Unqualified;
    }

    public static decimal PointsOf(PledgeGrade grade, PledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return grade switch
        {
            PledgeGrade.Excellent => options.ExcellentPoints,
            PledgeGrade.Qualified => options.QualifiedPoints,
            PledgeGrade.BasicallyQualified => options.BasicallyQualifiedPoints,
            _ => options.UnqualifiedPoints,
        };
    }

    public static decimal PointsOf(SatisfactionRating rating, PledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return rating switch
        {
            SatisfactionRating.Satisfied => options.SatisfiedPoints,
            SatisfactionRating.BasicallySatisfied => options.BasicallySatisfiedPoints,
            _ => options.DissatisfiedPoints,
        };
    }

    /// <summary>The formula in words, kept on the closed round and shown to staff.</summary>
    public static string Describe(PledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture,
            $"权重：自评 {options.SelfWeight}、互评 {options.PeerWeight}、群众测评 {options.PublicWeight}、领导点评 {options.LeaderWeight}（缺项不计，权重按比例折算）；" +
            $"等次分：优秀 {options.ExcellentPoints:0.##}、合格 {options.QualifiedPoints:0.##}、基本合格 {options.BasicallyQualifiedPoints:0.##}、不合格 {options.UnqualifiedPoints:0.##}；" +
            $"测评分：满意 {options.SatisfiedPoints:0.##}、基本满意 {options.BasicallySatisfiedPoints:0.##}、不满意 {options.DissatisfiedPoints:0.##}；" +
            $"综合得分 ≥{options.ExcellentFrom:0.##} 优秀，≥{options.QualifiedFrom:0.##} 合格，≥{options.BasicallyQualifiedFrom:0.##} 基本合格，其余不合格。");
    }
}
