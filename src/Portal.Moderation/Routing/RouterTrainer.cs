using System.Diagnostics;
using System.Reflection;
using Microsoft.ML;

namespace Portal.Moderation.Routing;

/// <summary>Progress of a training run: the step being done, and the share of the work done so far.</summary>
public sealed record TrainingProgress(string Step, double Fraction);

/// <summary>
/// Trains the department router: character n-grams and lexicon words (sublinear TF-IDF, <see cref="RouterFeaturizer"/>)
/// into one-versus-rest SDCA logistic regressions on NB-scaled features (<see cref="RouterOneVersusRest"/>), whose
/// normalised probabilities serve as confidences. The parallel work runs on threads of the training's own
/// (<see cref="TrainingThreads"/>), never on the shared thread pool. <see cref="Train"/> first measures the
/// settings by stratified k-fold cross-validation (which also chooses the auto-assignment threshold), then
/// fits the final model on all the data. Deterministic for the same data and seed.
/// </summary>
public static class RouterTrainer
{
    /// <summary>
    /// The Microsoft.ML package version ("5.0.1"). Its assembly version stays 1.0.0.0 across releases, so the
    /// informational version is read, without its "+commit" suffix.
    /// </summary>
    public static string MlNetVersion { get; } = ReadMlNetVersion();

    /// <summary>Cross-validates, then trains on everything; the model's metadata carries the evaluation.</summary>
    /// <exception cref="RouterTrainingException">The data cannot train a router (message in Chinese).</exception>
    public static RouterModel Train(
        IReadOnlyList<LabelledMessage> messages, RouterTrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new RouterTrainingOptions();
        var clock = Stopwatch.StartNew();
        var evaluation = CrossValidate(messages, options, progress, cancellationToken);
        progress?.Report(new TrainingProgress("用全部数据训练最终模型", options.Folds / (options.Folds + 1.0)));
        var model = Fit(messages, options, cancellationToken);
        progress?.Report(new TrainingProgress("完成", 1));
        return model.WithMetadata(model.Metadata with { Evaluation = evaluation, TrainingSeconds = clock.Elapsed.TotalSeconds });
    }

    /// <summary>Trains one model on all of <paramref name="messages"/>, without evaluating it.</summary>
    public static RouterModel Fit(IReadOnlyList<LabelledMessage> messages, RouterTrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RouterTrainingOptions();
        var rowsPerLabel = CheckTrainable(messages, options);
        var clock = Stopwatch.StartNew();
        var lexicon = options.UseWords ? RouterText.LearnLexicon(messages) : [];
        using var threads = new TrainingThreads(Environment.ProcessorCount);
        var parallel = threads.Options(cancellationToken);
        var featurizer = RouterFeaturizer.Build([.. messages.Select(m => (m.Title, m.Body))], lexicon, options, parallel);
        var vectors = new SparseVector[messages.Count];
        Parallel.For(0, messages.Count, parallel, i => vectors[i] = featurizer.Vectorize(messages[i].Title, messages[i].Body));
        var weights = RowWeights(messages, options);
        var classifier = RouterOneVersusRest.Train(messages, vectors, weights, featurizer.Dimension, [.. rowsPerLabel.Keys], options, parallel);
        var metadata = new RouterModelMetadata
        {
            TrainedAtUtc = DateTime.UtcNow,
            MlNetVersion = MlNetVersion,
            Options = options,
            Labels = classifier.Labels,
            RowsPerLabel = rowsPerLabel,
            LexiconSize = lexicon.Count,
            TrainingSeconds = clock.Elapsed.TotalSeconds,
        };
        return new RouterModel(featurizer, classifier, metadata);
    }

    /// <summary>Stratified k-fold cross-validation: every message is predicted by a model that did not see it.</summary>
    public static RouterEvaluation CrossValidate(
        IReadOnlyList<LabelledMessage> messages, RouterTrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rowsPerLabel = CheckTrainable(messages, options);
        var folds = StratifiedFolds(messages, options.Folds, options.Seed);
        var results = new (string Truth, RoutingPrediction Prediction)[messages.Count];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new TrainingProgress($"交叉验证：第 {fold + 1}/{options.Folds} 折", fold / (options.Folds + 1.0)));
            var train = messages.Where((_, i) => folds[i] != fold).ToList();
            using var model = Fit(train, options, cancellationToken);
            for (var i = 0; i < messages.Count; i++)
            {
                if (folds[i] == fold)
                    results[i] = (messages[i].Label, model.Predict(messages[i].Title, messages[i].Body));
            }
        }

        return RouterEvaluator.Evaluate(results, [.. rowsPerLabel.Keys], $"{options.Folds} 折分层交叉验证", options.TargetPrecision);
    }

    /// <summary>Fold number (0..k-1) of each message: each label's rows are shuffled and dealt round-robin.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<LabelledMessage> messages, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[messages.Count];
        foreach (var group in Enumerable.Range(0, messages.Count).GroupBy(i => messages[i].Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var indices = group.ToArray();
            random.Shuffle(indices);
            for (var k = 0; k < indices.Length; k++)
                assignment[indices[k]] = k % folds;
        }

        return assignment;
    }

    private static string ReadMlNetVersion()
    {
        var assembly = typeof(MLContext).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "?";
    }

    private static SortedDictionary<string, int> CheckTrainable(IReadOnlyList<LabelledMessage> messages, RouterTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (string.IsNullOrWhiteSpace(message.Label))
                throw new RouterTrainingException("训练数据中有没有标签的样本。");
            counts[message.Label] = counts.GetValueOrDefault(message.Label) + 1;
        }

        if (counts.Count < 2)
            throw new RouterTrainingException($"训练数据至少需要 2 个部门（标签），现在只有 {counts.Count} 个。");
        var minimum = Math.Max(RouterTrainingOptions.MinRowsPerLabel, options.Folds);
        var scarce = counts.Where(p => p.Value < minimum).Select(p => $"“{p.Key}”{p.Value} 条").ToList();
        if (scarce.Count > 0)
            throw new RouterTrainingException($"每个部门至少需要 {minimum} 条样本：{string.Join("、", scarce)}。");
        return counts;
    }

    /// <summary>√(mean class size ÷ class size) per row when balancing, else 1.</summary>
    private static float[] RowWeights(IReadOnlyList<LabelledMessage> messages, RouterTrainingOptions options)
    {
        var counts = messages.GroupBy(m => m.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var mean = counts.Values.Average();
        return [.. messages.Select(m => options.BalanceClasses ? (float)Math.Sqrt(mean / counts[m.Label]) : 1f)];
    }
}

/// <summary>The training data cannot train a router; the message (in Chinese) says why.</summary>
public sealed class RouterTrainingException : Exception
{
    public RouterTrainingException()
    {
    }

    public RouterTrainingException(string message)
        : base(message)
    {
    }

    public RouterTrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
