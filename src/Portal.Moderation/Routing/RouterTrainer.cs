using System.Diagnostics;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Portal.Moderation.Routing;

/// <summary>Progress of a training run: the step being done, and the share of the work done so far.</summary>
public sealed record TrainingProgress(string Step, double Fraction);

/// <summary>
/// Trains the department router: character n-grams and lexicon words (TF-IDF) into a multiclass SDCA
/// maximum-entropy model, whose probabilities serve as confidences. <see cref="Train"/> first measures the
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
        var ml = new MLContext(options.Seed);
        var lexicon = options.UseWords ? RouterText.LearnLexicon(messages) : [];
        var rows = ToRows(messages, lexicon, options);
        var data = ml.Data.LoadFromEnumerable(rows);
        cancellationToken.ThrowIfCancellationRequested(); // ML.NET cannot stop a fit half-way: cancellation is seen between fits
        var transformer = Pipeline(ml, options).Fit(data);
        var metadata = new RouterModelMetadata
        {
            TrainedAtUtc = DateTime.UtcNow,
            MlNetVersion = MlNetVersion,
            Options = options,
            Labels = [.. rowsPerLabel.Keys],
            RowsPerLabel = rowsPerLabel,
            LexiconSize = lexicon.Count,
            TrainingSeconds = clock.Elapsed.TotalSeconds,
        };
        return new RouterModel(ml, transformer, data.Schema, lexicon, metadata);
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

    private static List<RouterInput> ToRows(IReadOnlyList<LabelledMessage> messages, HashSet<string> lexicon, RouterTrainingOptions options)
    {
        var counts = messages.GroupBy(m => m.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var mean = counts.Values.Average();
        return [.. messages.Select(m =>
        {
            var text = RouterText.Normalize(RouterText.Join(m.Title, m.Body));
            return new RouterInput
            {
                Text = text,
                Words = RouterText.Segment(text, lexicon),
                Label = m.Label,
                Weight = options.BalanceClasses ? (float)Math.Sqrt(mean / counts[m.Label]) : 1f,
            };
        })];
    }

    private static EstimatorChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> Pipeline(MLContext ml, RouterTrainingOptions options)
    {
        var characters = new TextFeaturizingEstimator.Options
        {
            CharFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = options.CharNgramLength,
                UseAllLengths = true,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            },
            WordFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = false,
            KeepNumbers = true,
            KeepDiacritics = true,
        };
        IEstimator<ITransformer> features = ml.Transforms.Conversion.MapValueToKey(nameof(RouterInput.Label))
            .Append(ml.Transforms.Text.FeaturizeText("CharFeatures", characters, nameof(RouterInput.Text)));
        var columns = new List<string> { "CharFeatures" };
        if (options.UseWords)
        {
            var words = new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
                CharFeatureExtractor = null,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
                CaseMode = TextNormalizingEstimator.CaseMode.None,
                KeepPunctuations = false,
                KeepNumbers = true,
                KeepDiacritics = true,
            };
            features = features.Append(ml.Transforms.Text.FeaturizeText("WordFeatures", words, nameof(RouterInput.Words)));
            columns.Add("WordFeatures");
        }

        features = features.Append(ml.Transforms.Concatenate("Features", [.. columns]));
        if (options.MinFeatureCount > 1)
            features = features.Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("Features", count: options.MinFeatureCount));

        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(RouterInput.Label),
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(RouterInput.Weight),
            L2Regularization = options.L2Regularization,
            NumberOfThreads = 1, // deterministic: the same data and seed give the same model
        });
        return features.AppendCacheCheckpoint(ml).Append(trainer);
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
