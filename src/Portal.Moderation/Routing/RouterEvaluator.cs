namespace Portal.Moderation.Routing;

/// <summary>Computes a <see cref="RouterEvaluation"/> from predictions on messages with known labels.</summary>
public static class RouterEvaluator
{
    private const int CurveSteps = 100;

    /// <param name="results">The true label and the prediction of each evaluated message.</param>
    /// <param name="labels">All labels, in the order of the report.</param>
    /// <param name="method">How the predictions were obtained (shown in the report).</param>
    /// <param name="targetPrecision">Precision the recommended threshold must reach.</param>
    public static RouterEvaluation Evaluate(
        IReadOnlyList<(string Truth, RoutingPrediction Prediction)> results, IReadOnlyList<string> labels, string method, double targetPrecision)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(labels);
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        var supports = new int[labels.Count];
        var correct = 0;
        foreach (var (truth, prediction) in results)
        {
            var predicted = prediction.Best.Label;
            if (predicted == truth)
                correct++;
            if (!index.TryGetValue(truth, out var t))
                continue;
            supports[t]++; // also when the prediction is a label outside the report (no confusion column)
            if (index.TryGetValue(predicted, out var p))
                confusion[t][p]++;
        }

        var perClass = new Dictionary<string, ClassMetrics>(StringComparer.Ordinal);
        for (var c = 0; c < labels.Count; c++)
        {
            var truePositives = confusion[c][c];
            var predictedAs = confusion.Sum(row => row[c]);
            var support = supports[c];
            var precision = predictedAs == 0 ? 0 : (double)truePositives / predictedAs;
            var recall = support == 0 ? 0 : (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[labels[c]] = new ClassMetrics(precision, recall, f1, support);
        }

        var curve = CoverageCurve(results);
        var recommended = curve.FirstOrDefault(point => point.Coverage > 0 && point.Precision >= targetPrecision)
            ?? new CoveragePoint(1f, 0, 1);
        var measured = perClass.Values.Where(m => m.Support > 0).ToList();
        return new RouterEvaluation
        {
            Method = method,
            N = results.Count,
            Accuracy = results.Count == 0 ? 0 : (double)correct / results.Count,
            MacroF1 = measured.Count == 0 ? 0 : measured.Average(m => m.F1),
            Labels = labels,
            PerClass = perClass,
            Confusion = confusion,
            Curve = curve,
            TargetPrecision = targetPrecision,
            RecommendedThreshold = recommended.Threshold,
            CoverageAtThreshold = recommended.Coverage,
            PrecisionAtThreshold = recommended.Precision,
        };
    }

    /// <summary>Coverage and precision of "assign when the best confidence ≥ t" for t = 0, 0.01, …, 1.</summary>
    private static List<CoveragePoint> CoverageCurve(IReadOnlyList<(string Truth, RoutingPrediction Prediction)> results)
    {
        var byConfidence = results
            .Select(r => (Confidence: r.Prediction.Best.Confidence, Correct: r.Prediction.Best.Label == r.Truth))
            .OrderByDescending(r => r.Confidence)
            .ToList();
        var curve = new List<CoveragePoint>(CurveSteps + 1);
        for (var step = 0; step <= CurveSteps; step++)
        {
            var threshold = step / (float)CurveSteps;
            var covered = byConfidence.TakeWhile(r => r.Confidence >= threshold).ToList();
            var coverage = results.Count == 0 ? 0 : (double)covered.Count / results.Count;
            var precision = covered.Count == 0 ? 1 : (double)covered.Count(r => r.Correct) / covered.Count;
            curve.Add(new CoveragePoint(threshold, coverage, precision));
        }

        return curve;
    }
}
