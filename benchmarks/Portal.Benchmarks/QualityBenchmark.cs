using System.Diagnostics;
using Portal.Moderation.Routing;

namespace Portal.Benchmarks;

/// <summary>
/// The issue's protocol: <c>messages.tsv</c> is split into 5 stratified folds; each fold is predicted by a model
/// fitted (default options) on all of <c>messages_tokenized.tsv</c> plus the other 4 folds. The out-of-fold
/// predictions are then pooled to show what auto-assignment would cover, and how precisely, at each threshold.
/// </summary>
internal static class QualityBenchmark
{
    public const int Folds = 5;
    private const int Seed = 2026;
    private const double TargetPrecision = 0.95;

    public static void Run(RoutingBenchmarkData data, RoutingBenchmarkArguments arguments, TextWriter output)
    {
        var (options, onlyFolds) = (arguments.Options, arguments.Folds);
        var messages = data.Messages;
        var labels = messages.Select(m => m.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var folds = RouterTrainer.StratifiedFolds(messages, Folds, Seed);
        var pooled = new (string Truth, RoutingPrediction Prediction)[messages.Count];
        var perFold = new List<(RouterEvaluation Evaluation, double Seconds, int TrainRows)>();

        var changed = ChangedOptions(options);
        output.WriteLine($"质量：{messages.Count} 条完整留言分 {Folds} 折（分层，种子 {Seed}）；每折用全部 {data.Tokenized.Count} 条分词留言 + 其余 {Folds - 1} 折训练（{changed}），在留出折上评估。");
        output.WriteLine();
        output.WriteLine("折  训练行数  测试行数  宏F1    准确率  训练秒");
        for (var fold = 0; fold < Folds; fold++)
        {
            if (onlyFolds is not null && !onlyFolds.Contains(fold))
                continue;
            var train = data.Tokenized.Concat(messages.Where((_, i) => folds[i] != fold)).ToList();
            var clock = Stopwatch.StartNew();
            using var model = RouterTrainer.Fit(train, options);
            var seconds = clock.Elapsed.TotalSeconds;

            var results = new List<(string Truth, RoutingPrediction Prediction)>();
            for (var i = 0; i < messages.Count; i++)
            {
                if (folds[i] != fold)
                    continue;
                pooled[i] = (messages[i].Label, model.Predict(messages[i].Title, messages[i].Body));
                results.Add(pooled[i]);
            }

            var evaluation = RouterEvaluator.Evaluate(results, labels, $"第 {fold + 1} 折", TargetPrecision);
            perFold.Add((evaluation, seconds, train.Count));
            output.WriteLine($"{fold + 1,2}  {train.Count,8}  {evaluation.N,8}  {evaluation.MacroF1,6:0.0000}  {evaluation.Accuracy,6:0.0000}  {seconds,6:0.0}");
        }

        if (arguments.ErrorsFile is { } errorsFile)
        {
            // Fold (1..5), truth, prediction, confidence, runner-up, title, body of each message predicted wrongly.
            var wrong = pooled.Select((p, i) => (p, i)).Where(x => x.p.Prediction is not null && x.p.Prediction.Best.Label != x.p.Truth)
                .Select(x => string.Join('\t', folds[x.i] + 1, x.p.Truth, x.p.Prediction.Best.Label, x.p.Prediction.Best.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), x.p.Prediction.Ranked[1].Label, messages[x.i].Title, messages[x.i].Body));
            File.WriteAllLines(errorsFile, ["fold\ttruth\tpredicted\tconfidence\trunner_up\ttitle\tbody", .. wrong]);
            output.WriteLine($"分错的留言已写入 {errorsFile}");
        }

        if (onlyFolds is not null)
        {
            output.WriteLine($"==== 摘要 (quality，{changed}，只跑第 {string.Join(",", onlyFolds.Order().Select(f => f + 1))} 折) 宏F1 {string.Join(" ", perFold.Select(f => f.Evaluation.MacroF1.ToString("0.0000")))}，均值 {perFold.Average(f => f.Evaluation.MacroF1):0.0000} ====");
            return;
        }

        var meanF1 = perFold.Average(f => f.Evaluation.MacroF1);
        var sdF1 = Math.Sqrt(perFold.Sum(f => Math.Pow(f.Evaluation.MacroF1 - meanF1, 2)) / (Folds - 1));
        var meanAccuracy = perFold.Average(f => f.Evaluation.Accuracy);
        var meanSeconds = perFold.Average(f => f.Seconds);
        output.WriteLine($"均值            {perFold.Average(f => f.Evaluation.N),8:0}  {meanF1,6:0.0000}  {meanAccuracy,6:0.0000}  {meanSeconds,6:0.0}   （宏F1 标准差 {sdF1:0.0000}）");

        var all = RouterEvaluator.Evaluate(pooled, labels, $"{Folds} 折合并", TargetPrecision);
        output.WriteLine();
        output.WriteLine($"合并 {all.N} 条折外预测：宏F1 {all.MacroF1:0.0000}，准确率 {all.Accuracy:0.0000}");
        output.WriteLine("部门              精确率  召回率  F1      样本数");
        foreach (var label in labels)
        {
            var m = all.PerClass[label];
            output.WriteLine($"{Pad(label, 16)}  {m.Precision,6:0.000}  {m.Recall,6:0.000}  {m.F1,6:0.000}  {m.Support,6}");
        }

        output.WriteLine();
        output.WriteLine("自动分派（合并的折外预测）：最高置信度 ≥ 阈值 时自动分派");
        output.WriteLine("阈值  覆盖率   精确率");
        foreach (var point in all.Curve.Where(p => p.Threshold >= 0.4999f && p.Threshold <= 0.9501f && Math.Round(p.Threshold * 100) % 5 == 0))
            output.WriteLine($"{point.Threshold:0.00}  {point.Coverage,7:P1}  {point.Precision,7:P1}");
        var lowest = all.Curve.FirstOrDefault(p => p.Coverage > 0 && p.Precision >= TargetPrecision);
        var lowestText = lowest is null
            ? $"没有阈值能让精确率达到 {TargetPrecision:P0}"
            : $"{lowest.Threshold:0.00}（步长 0.01）：覆盖 {lowest.Coverage:P1}，精确率 {lowest.Precision:P1}";
        output.WriteLine($"精确率 ≥ {TargetPrecision:P0} 的最低阈值：{lowestText}");

        output.WriteLine();
        var everything = data.Tokenized.Concat(messages).ToList();
        var fullClock = Stopwatch.StartNew();
        using (RouterTrainer.Fit(everything, options))
            output.WriteLine($"全部 {everything.Count} 行训练一次（Fit）：{fullClock.Elapsed.TotalSeconds:0.0} 秒");

        output.WriteLine();
        output.WriteLine($"==== 摘要 (quality，{changed})，结束时负载 {MachineInfo.LoadAverage()} ====");
        output.WriteLine($"各折宏F1：{string.Join(" ", perFold.Select(f => f.Evaluation.MacroF1.ToString("0.0000")))}");
        output.WriteLine($"宏F1 均值 {meanF1:0.0000} ± {sdF1:0.0000}，准确率均值 {meanAccuracy:0.0000}，每折训练 {meanSeconds:0.0} 秒");
        output.WriteLine($"合并折外：宏F1 {all.MacroF1:0.0000}；精确率 ≥ {TargetPrecision:P0} 的最低阈值 {lowestText}");
        output.WriteLine($"全量训练 {everything.Count} 行：{fullClock.Elapsed.TotalSeconds:0.0} 秒");
    }

    /// <summary>"默认参数", or the options that differ from the defaults.</summary>
    private static string ChangedOptions(RouterTrainingOptions options)
    {
        var defaults = new RouterTrainingOptions();
        var changed = typeof(RouterTrainingOptions).GetProperties()
            .Where(p => !Equals(p.GetValue(options), p.GetValue(defaults)))
            .Select(p => $"{p.Name}={Convert.ToString(p.GetValue(options), System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        return changed.Count == 0 ? "默认参数" : string.Join(", ", changed);
    }

    /// <summary>Pads to <paramref name="width"/> terminal columns (a Chinese character takes two).</summary>
    private static string Pad(string text, int width) =>
        text + new string(' ', Math.Max(0, width - text.Sum(c => c >= 0x2E80 ? 2 : 1)));
}
