using System.ComponentModel.DataAnnotations;
using Portal.Data.Pledges;
using Portal.Moderation.Pledges;

namespace Portal.Moderation.Tests.Pledges;

public sealed class PledgeGradingTests
{
    private static readonly PledgeOptions Defaults = new();

    [Fact]
    public void Compute_WithEveryPart_IsTheWeightedMeanOfTheParts()
    {
        // self 优秀 100; peers 合格 80 + 优秀 100 = 90; public 3×满意 100 + 1×不满意 30 = 82.5; leader 合格 80.
        var inputs = new PledgeEvaluationInputs(PledgeGrade.Excellent, [PledgeGrade.Qualified, PledgeGrade.Excellent], 3, 0, 1, PledgeGrade.Qualified);

        var result = PledgeGrading.Compute(inputs, Defaults);

        // 0.1×100 + 0.3×90 + 0.4×82.5 + 0.2×80 = 86
        Assert.Equal(new PledgeGradeResult(86m, PledgeGrade.Qualified), result);
    }

    [Fact]
    public void Compute_WithMissingParts_ReweighsThePartsPresent()
    {
        // Only the public (weight 40, all 不满意 = 30) and the leader (weight 20, 优秀 = 100): (40×30 + 20×100) / 60.
        var result = PledgeGrading.Compute(new PledgeEvaluationInputs(null, [], 0, 0, 2, PledgeGrade.Excellent), Defaults);

        Assert.Equal(new PledgeGradeResult(53.33m, PledgeGrade.Unqualified), result);
    }

    [Fact]
    public void Compute_WithNoPart_GivesNoResult() =>
        Assert.Null(PledgeGrading.Compute(new PledgeEvaluationInputs(null, [], 0, 0, 0, null), Defaults));

    [Fact]
    public void Compute_WithAZeroWeightPartOnly_GivesNoResult() =>
        Assert.Null(PledgeGrading.Compute(new PledgeEvaluationInputs(PledgeGrade.Excellent, [], 0, 0, 0, null), new PledgeOptions { SelfWeight = 0 }));

    [Fact]
    public void Compute_FollowsConfiguredWeights()
    {
        var inputs = new PledgeEvaluationInputs(PledgeGrade.Excellent, [], 0, 0, 1, PledgeGrade.Excellent);

        var publicOnly = PledgeGrading.Compute(inputs, new PledgeOptions { SelfWeight = 0, PeerWeight = 0, PublicWeight = 1, LeaderWeight = 0 });
        var selfHeavy = PledgeGrading.Compute(inputs, new PledgeOptions { SelfWeight = 80, PeerWeight = 0, PublicWeight = 20, LeaderWeight = 0 });

        Assert.Equal(new PledgeGradeResult(30m, PledgeGrade.Unqualified), publicOnly);
        Assert.Equal(new PledgeGradeResult(86m, PledgeGrade.Qualified), selfHeavy);
    }

    [Theory]
    [InlineData("90", PledgeGrade.Excellent)]
    [InlineData("89.99", PledgeGrade.Qualified)]
    [InlineData("75", PledgeGrade.Qualified)]
    [InlineData("74.99", PledgeGrade.BasicallyQualified)]
    [InlineData("60", PledgeGrade.BasicallyQualified)]
    [InlineData("59.99", PledgeGrade.Unqualified)]
    [InlineData("0", PledgeGrade.Unqualified)]
    [InlineData("100", PledgeGrade.Excellent)]
    public void GradeOf_AtTheDefaultBoundaries(string score, PledgeGrade expected) =>
        Assert.Equal(expected, PledgeGrading.GradeOf(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), Defaults));

    [Theory]
    [InlineData(1, 1, PledgeGrade.Excellent)]   // (100 + 70) / 2 = 85, exactly the configured threshold
    [InlineData(1, 2, PledgeGrade.Qualified)]   // (100 + 140) / 3 = 80
    public void Compute_AtAConfiguredThreshold_ReachesTheHigherGrade(int satisfied, int basically, PledgeGrade expected)
    {
        var options = new PledgeOptions { ExcellentFrom = 85, QualifiedFrom = 80, BasicallyQualifiedFrom = 50 };

        var result = PledgeGrading.Compute(new PledgeEvaluationInputs(null, [], satisfied, basically, 0, null), options);

        Assert.Equal(expected, result!.Grade);
    }

    [Fact]
    public void Compute_RoundsHalfAwayFromZeroToTwoDecimals()
    {
        // Public only: (100 + 2×30) / 3 = 53.333… → 53.33.
        var third = PledgeGrading.Compute(new PledgeEvaluationInputs(null, [], 1, 0, 2, null), Defaults);
        var half = PledgeGrading.Compute(new PledgeEvaluationInputs(null, [], 1, 1, 0, null), new PledgeOptions { BasicallySatisfiedPoints = 70.01m });

        Assert.Equal(53.33m, third!.Score);
        Assert.Equal(85.01m, half!.Score); // (100 + 70.01) / 2 = 85.005 → 85.01
    }

    [Fact]
    public void Options_WithThresholdsOutOfOrderOrNoWeight_AreInvalid()
    {
        var errors = new List<ValidationResult>();
        var options = new PledgeOptions { QualifiedFrom = 95, SelfWeight = 0, PeerWeight = 0, PublicWeight = 0, LeaderWeight = 0 };

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);

        Assert.False(valid);
        Assert.Equal(2, errors.Count);
    }
}
