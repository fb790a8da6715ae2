using Portal.Moderation.Routing;

namespace Portal.Moderation.Tests.Routing;

public sealed class RouterEvaluatorTests
{
    private const int Precision = 12;
    private static readonly string[] Labels = ["A", "B", "C", "D"];

    // ---- Metrics ----

    // truth → predicted: A→A, A→A, A→B, B→B, B→A, C→C, C→C, C→B; D never occurs.
    private static readonly (string Truth, RoutingPrediction Prediction)[] Mixed =
    [
        ("A", Predicted("A", 0.9f)),
        ("A", Predicted("A", 0.8f)),
        ("A", Predicted("B", 0.6f)),
        ("B", Predicted("B", 0.7f)),
        ("B", Predicted("A", 0.5f)),
        ("C", Predicted("C", 0.95f)),
        ("C", Predicted("C", 0.85f)),
        ("C", Predicted("B", 0.4f)),
    ];

    [Fact]
    public void Evaluate_Predictions_ReportsAccuracyOverAllMessages()
    {
        var evaluation = Evaluate(Mixed, 0.95);

        Assert.Equal(8, evaluation.N);
        Assert.Equal(5 / 8.0, evaluation.Accuracy, Precision);
        Assert.Equal("测试", evaluation.Method);
        Assert.Equal(Labels, evaluation.Labels);
    }

    [Fact]
    public void Evaluate_Predictions_CountsTheConfusionMatrixByTruthThenPrediction()
    {
        var evaluation = Evaluate(Mixed, 0.95);

        int[][] expected =
        [
            [2, 1, 0, 0],
            [1, 1, 0, 0],
            [0, 1, 2, 0],
            [0, 0, 0, 0],
        ];
        Assert.Equal(expected.Length, evaluation.Confusion.Count);
        for (var row = 0; row < expected.Length; row++)
            Assert.Equal(expected[row], evaluation.Confusion[row]);
    }

    [Fact]
    public void Evaluate_Predictions_ComputesPerClassPrecisionRecallF1AndSupport()
    {
        var evaluation = Evaluate(Mixed, 0.95);

        AssertMetrics(evaluation.PerClass["A"], precision: 2 / 3.0, recall: 2 / 3.0, f1: 2 / 3.0, support: 3);
        AssertMetrics(evaluation.PerClass["B"], precision: 1 / 3.0, recall: 1 / 2.0, f1: 2 / 5.0, support: 2);
        AssertMetrics(evaluation.PerClass["C"], precision: 1, recall: 2 / 3.0, f1: 4 / 5.0, support: 3);
        AssertMetrics(evaluation.PerClass["D"], precision: 0, recall: 0, f1: 0, support: 0);
    }

    [Fact]
    public void Evaluate_LabelWithoutSupport_IsLeftOutOfMacroF1()
    {
        var evaluation = Evaluate(Mixed, 0.95);

        // Mean of A, B and C's F1 (2/3, 2/5, 4/5); D, absent from the data, does not drag it down.
        Assert.Equal((2 / 3.0 + 2 / 5.0 + 4 / 5.0) / 3, evaluation.MacroF1, Precision);
        Assert.Equal(evaluation.PerClass.Values.Where(m => m.Support > 0).Average(m => m.F1), evaluation.MacroF1, Precision);
    }

    [Fact]
    public void Evaluate_AllRight_IsPerfect()
    {
        (string, RoutingPrediction)[] results = [("A", Predicted("A", 0.6f)), ("B", Predicted("B", 0.7f)), ("C", Predicted("C", 0.8f))];

        var evaluation = Evaluate(results, 0.95);

        Assert.Equal(1, evaluation.Accuracy);
        Assert.Equal(1, evaluation.MacroF1);
        Assert.All(Labels[..3], label => AssertMetrics(evaluation.PerClass[label], 1, 1, 1, 1));
    }

    [Fact]
    public void Evaluate_PredictedLabelOutsideTheReport_StillCountsInSupportAndRecall()
    {
        // The model answers "Z", a label the report does not list: an A message was missed.
        (string, RoutingPrediction)[] results = [("A", Predicted("A", 0.9f)), ("A", Predicted("Z", 0.9f))];

        var evaluation = Evaluate(results, 0.95);

        Assert.Equal(0.5, evaluation.Accuracy, Precision);
        AssertMetrics(evaluation.PerClass["A"], precision: 1, recall: 0.5, f1: 2 / 3.0, support: 2);
    }

    [Fact]
    public void Evaluate_NoResults_GivesZeroesAndTheFallbackThreshold()
    {
        var evaluation = Evaluate([], 0.95);

        Assert.Equal(0, evaluation.N);
        Assert.Equal(0, evaluation.Accuracy);
        Assert.Equal(0, evaluation.MacroF1);
        Assert.Equal(1f, evaluation.RecommendedThreshold);
        Assert.Equal(0, evaluation.CoverageAtThreshold);
    }

    // ---- Coverage / precision curve and threshold ----

    // Right at 0.9, 0.8 and 0.75; wrong at 0.5 and 0.3.
    private static readonly (string Truth, RoutingPrediction Prediction)[] ConfidentRight =
    [
        ("A", Predicted("A", 0.9f)),
        ("B", Predicted("B", 0.8f)),
        ("C", Predicted("C", 0.75f)),
        ("A", Predicted("B", 0.5f)),
        ("B", Predicted("C", 0.3f)),
    ];

    [Fact]
    public void Evaluate_Curve_HasOnePointPerHundredthFromZeroToOne()
    {
        var curve = Evaluate(ConfidentRight, 0.95).Curve;

        Assert.Equal(101, curve.Count);
        Assert.Equal(Enumerable.Range(0, 101).Select(step => step / 100f), curve.Select(p => p.Threshold));
    }

    [Fact]
    public void Evaluate_Curve_CoversMessagesWhoseBestConfidenceReachesTheThreshold()
    {
        var curve = Evaluate(ConfidentRight, 0.95).Curve;

        AssertPoint(curve[0], coverage: 1, precision: 3 / 5.0);
        AssertPoint(curve[30], coverage: 1, precision: 3 / 5.0); // 0.30 still covers the 0.3 prediction
        AssertPoint(curve[31], coverage: 4 / 5.0, precision: 3 / 4.0);
        AssertPoint(curve[50], coverage: 4 / 5.0, precision: 3 / 4.0);
        AssertPoint(curve[51], coverage: 3 / 5.0, precision: 1);
        AssertPoint(curve[75], coverage: 3 / 5.0, precision: 1);
        AssertPoint(curve[76], coverage: 2 / 5.0, precision: 1);
        AssertPoint(curve[90], coverage: 1 / 5.0, precision: 1);
        AssertPoint(curve[91], coverage: 0, precision: 1); // nothing covered counts as precise
        AssertPoint(curve[100], coverage: 0, precision: 1);
    }

    [Fact]
    public void Evaluate_Curve_CoverageNeverRisesWithTheThreshold()
    {
        var curve = Evaluate(Mixed, 0.95).Curve;

        Assert.All(curve.Zip(curve.Skip(1)), pair => Assert.True(pair.Second.Coverage <= pair.First.Coverage));
    }

    [Fact]
    public void Evaluate_ConfidentPredictionsRight_RecommendsTheLowestThresholdAboveTheWrongOnes()
    {
        var evaluation = Evaluate(ConfidentRight, 0.95);

        Assert.Equal(0.51f, evaluation.RecommendedThreshold);
        Assert.Equal(3 / 5.0, evaluation.CoverageAtThreshold, Precision);
        Assert.Equal(1, evaluation.PrecisionAtThreshold, Precision);
        Assert.Equal(0.95, evaluation.TargetPrecision);
    }

    [Fact]
    public void Evaluate_LowerTarget_RecommendsTheLowestThresholdThatReachesIt()
    {
        // Above 0.30 three of four covered predictions are right (0.75 ≥ 0.7); at 0.30 and below only three of five.
        var evaluation = Evaluate(ConfidentRight, 0.7);

        Assert.Equal(0.31f, evaluation.RecommendedThreshold);
        Assert.Equal(4 / 5.0, evaluation.CoverageAtThreshold, Precision);
        Assert.Equal(3 / 4.0, evaluation.PrecisionAtThreshold, Precision);
    }

    [Fact]
    public void Evaluate_TargetMetEverywhere_RecommendsZero()
    {
        (string, RoutingPrediction)[] results = [("A", Predicted("A", 0.4f)), ("B", Predicted("B", 0.9f))];

        var evaluation = Evaluate(results, 0.95);

        Assert.Equal(0f, evaluation.RecommendedThreshold);
        Assert.Equal(1, evaluation.CoverageAtThreshold);
    }

    [Fact]
    public void Evaluate_UnreachableTarget_RecommendsOneWithNoCoverage()
    {
        (string, RoutingPrediction)[] results = [("A", Predicted("B", 0.9f)), ("B", Predicted("A", 0.6f)), ("C", Predicted("C", 0.3f))];

        var evaluation = Evaluate(results, 0.95);

        Assert.Equal(1f, evaluation.RecommendedThreshold);
        Assert.Equal(0, evaluation.CoverageAtThreshold);
    }

    private static RouterEvaluation Evaluate(IReadOnlyList<(string Truth, RoutingPrediction Prediction)> results, double targetPrecision) =>
        RouterEvaluator.Evaluate(results, Labels, "测试", targetPrecision);

    /// <summary>A prediction whose best label is <paramref name="best"/>; the rest of the probability goes to the other labels.</summary>
    private static RoutingPrediction Predicted(string best, float confidence)
    {
        var others = Labels.Where(label => label != best).ToArray();
        return new RoutingPrediction([new RankedLabel(best, confidence), .. others.Select(label => new RankedLabel(label, (1 - confidence) / others.Length))]);
    }

    private static void AssertMetrics(ClassMetrics metrics, double precision, double recall, double f1, int support)
    {
        Assert.Equal(precision, metrics.Precision, Precision);
        Assert.Equal(recall, metrics.Recall, Precision);
        Assert.Equal(f1, metrics.F1, Precision);
        Assert.Equal(support, metrics.Support);
    }

    private static void AssertPoint(CoveragePoint point, double coverage, double precision)
    {
        Assert.Equal(coverage, point.Coverage, Precision);
        Assert.Equal(precision, point.Precision, Precision);
    }
}
