using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Portal.Moderation.Routing;

namespace Portal.Cli.Routing;

/// <summary>
/// <c>portal routing evaluate --model MODEL.zip --data FILE… [--json]</c>: measures a saved model on labelled
/// messages it did not train on — quality, auto-assignment at the model's threshold, load and prediction time.
/// </summary>
internal static class EvaluateCommand
{
    private const string Method = "留出集";
    private const int WarmUpPredictions = 50;

    public static Command Create()
    {
        var model = RoutingCommands.ModelOption("要评估的模型文件（routing train 的输出）。");
        var data = RoutingCommands.DataOption("带标签的留言文件（模型没有训练过的），可重复指定。");
        var json = RoutingCommands.JsonOption("在标准输出上输出一个 JSON 对象（供程序读取）。");
        var command = new Command("evaluate", "在留出数据上评估模型：准确率、各部门 F1、阈值下的覆盖率和精确率、加载和预测耗时。") { model, data, json };
        command.SetAction(parseResult => CommandRunner.Guarded(parseResult, (stdout, stderr) => Run(
            parseResult.GetRequiredValue(model), parseResult.GetRequiredValue(data), parseResult.GetValue(json), stdout, stderr)));
        return command;
    }

    private static int Run(string modelPath, string[] dataPaths, bool json, TextWriter stdout, TextWriter stderr)
    {
        var loadStart = Stopwatch.GetTimestamp();
        using var model = RouterModel.LoadFile(modelPath);
        var loadMs = Latencies.ToMs(Stopwatch.GetTimestamp() - loadStart);
        var data = DataFiles.Read(dataPaths, stderr);

        var known = model.Metadata.Labels.ToHashSet(StringComparer.Ordinal);
        var usable = data.Messages.Where(m => known.Contains(m.Label)).ToList();
        var unknown = data.Messages.Where(m => !known.Contains(m.Label))
            .GroupBy(m => m.Label, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (unknown.Count > 0)
            stderr.WriteLine($"有 {unknown.Values.Sum()} 行的标签模型不认识，不计入评估：{string.Join("、", unknown.Select(p => $"“{p.Key}”{p.Value} 行"))}");
        if (usable.Count == 0)
            throw new BadInputException("没有模型认识的标签，无法评估。模型的标签：" + string.Join("、", model.Metadata.Labels));

        for (var i = 0; i < WarmUpPredictions; i++)
            model.Predict(usable[i % usable.Count].Title, usable[i % usable.Count].Body);
        var latencies = new Latencies();
        var results = usable.Select(m => (Truth: m.Label, Prediction: latencies.Time(() => model.Predict(m.Title, m.Body)))).ToList();

        var evaluation = RouterEvaluator.Evaluate(results, model.Metadata.Labels, Method, model.Metadata.Options.TargetPrecision);
        var threshold = model.Metadata.Threshold;
        var assigned = results.Where(r => r.Prediction.Best.Confidence >= threshold).ToList();
        var report = new EvaluationReport
        {
            Model = modelPath,
            Method = Method,
            N = evaluation.N,
            SkippedRows = data.SkippedRows,
            UnknownLabelRows = unknown.Values.Sum(),
            UnknownLabels = unknown,
            Accuracy = evaluation.Accuracy,
            MacroF1 = evaluation.MacroF1,
            Labels = evaluation.Labels,
            PerClass = evaluation.PerClass,
            Confusion = evaluation.Confusion,
            LoadMs = loadMs,
            PredictMsP50 = latencies.PercentileMs(50),
            PredictMsP99 = latencies.PercentileMs(99),
            PredictMsMean = latencies.MeanMs(),
            Threshold = threshold,
            AssignedAtThreshold = assigned.Count,
            CoverageAtThreshold = (double)assigned.Count / results.Count,
            PrecisionAtThreshold = assigned.Count == 0 ? null : (double)assigned.Count(r => r.Prediction.Best.Label == r.Truth) / assigned.Count,
            TargetPrecision = evaluation.TargetPrecision,
            RecommendedThresholdOnThisData = evaluation.RecommendedThreshold,
            CoverageAtRecommendedThreshold = evaluation.CoverageAtThreshold,
            PrecisionAtRecommendedThreshold = evaluation.PrecisionAtThreshold,
        };

        if (json)
            stdout.WriteLine(JsonSerializer.Serialize(report, RoutingCommands.Json));
        else
            WriteText(stdout, report, model.Metadata);
        return ExitCodes.Ok;
    }

    private static void WriteText(TextWriter stdout, EvaluationReport report, RouterModelMetadata metadata)
    {
        stdout.WriteLine($"模型：{report.Model}（{metadata.ExampleCount} 条样本训练于 {metadata.TrainedAtUtc:yyyy-MM-dd HH:mm} UTC，加载 {TextTable.Number(report.LoadMs, "0")} ms）");
        stdout.WriteLine($"评估样本：{report.N} 条（跳过 {report.SkippedRows} 行，标签未知 {report.UnknownLabelRows} 行未计入）");
        stdout.WriteLine($"准确率 {TextTable.Number(report.Accuracy)}，宏平均 F1 {TextTable.Number(report.MacroF1)}");
        stdout.WriteLine();

        var table = new TextTable("部门（标签）", "精确率", "召回率", "F1", "样本数");
        table.RightAligned.UnionWith([1, 2, 3, 4]);
        foreach (var label in report.Labels)
        {
            var m = report.PerClass[label];
            table.Add(label, TextTable.Number(m.Precision), TextTable.Number(m.Recall), TextTable.Number(m.F1), m.Support.ToString());
        }

        table.WriteTo(stdout);
        stdout.WriteLine();

        var precision = report.PrecisionAtThreshold is { } p ? TextTable.Percent(p) : "—";
        stdout.WriteLine($"模型阈值 {TextTable.Number(report.Threshold, "0.00")}：自动分派 {report.AssignedAtThreshold} 条（覆盖 {TextTable.Percent(report.CoverageAtThreshold)}），其中正确 {precision}");
        stdout.WriteLine($"本数据上精确率达到 {TextTable.Percent(report.TargetPrecision)} 的最低阈值：{TextTable.Number(report.RecommendedThresholdOnThisData, "0.00")}"
            + $"（覆盖 {TextTable.Percent(report.CoverageAtRecommendedThreshold)}，精确率 {TextTable.Percent(report.PrecisionAtRecommendedThreshold)}）");
        stdout.WriteLine($"单条预测耗时：p50 {TextTable.Number(report.PredictMsP50)} ms，p99 {TextTable.Number(report.PredictMsP99)} ms，平均 {TextTable.Number(report.PredictMsMean)} ms");
        stdout.WriteLine();

        stdout.WriteLine("混淆矩阵（行：真实部门，列：预测部门，列号同行号）：");
        var confusion = new TextTable(["", "真实 \\ 预测", .. report.Labels.Select((_, i) => (i + 1).ToString())]);
        confusion.RightAligned.UnionWith(Enumerable.Range(2, report.Labels.Count));
        for (var t = 0; t < report.Labels.Count; t++)
            confusion.Add([(t + 1).ToString(), report.Labels[t], .. report.Confusion[t].Select(c => c.ToString())]);
        confusion.WriteTo(stdout);
    }
}

/// <summary>What <c>routing evaluate --json</c> prints (camelCase).</summary>
internal sealed record EvaluationReport
{
    public required string Model { get; init; }

    public required string Method { get; init; }

    /// <summary>Rows evaluated (rows with a label the model does not know are not counted).</summary>
    public int N { get; init; }

    public int SkippedRows { get; init; }

    public int UnknownLabelRows { get; init; }

    public required IReadOnlyDictionary<string, int> UnknownLabels { get; init; }

    public double Accuracy { get; init; }

    public double MacroF1 { get; init; }

    public required IReadOnlyList<string> Labels { get; init; }

    public required IReadOnlyDictionary<string, ClassMetrics> PerClass { get; init; }

    /// <summary>Confusion[truth][predicted], indexed like <see cref="Labels"/>.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Confusion { get; init; }

    public double LoadMs { get; init; }

    public double PredictMsP50 { get; init; }

    public double PredictMsP99 { get; init; }

    public double PredictMsMean { get; init; }

    /// <summary>The model's own auto-assignment threshold (chosen when it was trained).</summary>
    public float Threshold { get; init; }

    public int AssignedAtThreshold { get; init; }

    /// <summary>Share of these rows whose best confidence reaches <see cref="Threshold"/>.</summary>
    public double CoverageAtThreshold { get; init; }

    /// <summary>Share of those that were right; null when no row reaches the threshold.</summary>
    public double? PrecisionAtThreshold { get; init; }

    public double TargetPrecision { get; init; }

    /// <summary>The lowest threshold that reaches <see cref="TargetPrecision"/> on these rows (for comparison).</summary>
    public float RecommendedThresholdOnThisData { get; init; }

    public double CoverageAtRecommendedThreshold { get; init; }

    public double PrecisionAtRecommendedThreshold { get; init; }
}
