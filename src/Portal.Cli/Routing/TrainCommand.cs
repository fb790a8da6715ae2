using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using Microsoft.ML;
using Portal.Moderation.Routing;

namespace Portal.Cli.Routing;

/// <summary>
/// <c>portal routing train --data FILE… --model OUT.zip [--folds 5] [--seed N] [--no-eval]</c>: reads the files,
/// cross-validates (which also picks the auto-assignment threshold), trains on everything and saves the model.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = RoutingCommands.DataOption("带标签的历史留言文件（.tsv/.txt/.csv/.xlsx，UTF-8 或 GBK），可重复指定。");
        var model = RoutingCommands.ModelOption("保存模型的文件（.zip），已有的会被替换。");
        var folds = new Option<int>("--folds")
        {
            Description = "交叉验证的折数（2–10），也用于选择自动分派阈值。",
            DefaultValueFactory = _ => new RouterTrainingOptions().Folds,
        };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 2 or > 10)
                result.AddError("--folds 必须在 2 到 10 之间。");
        });
        var seed = new Option<int>("--seed")
        {
            Description = "随机种子：同样的数据和种子训练出同样的模型。",
            DefaultValueFactory = _ => new RouterTrainingOptions().Seed,
        };
        var noEval = new Option<bool>("--no-eval")
        {
            Description = "不做交叉验证，只训练最终模型（更快；模型不带评估结果，阈值为 1，即不自动分派）。",
        };

        var command = new Command("train", "用带标签的历史留言训练部门分派模型。") { data, model, folds, seed, noEval };
        command.SetAction(parseResult => CommandRunner.Guarded(parseResult, (stdout, stderr) => Run(
            parseResult.GetRequiredValue(data),
            parseResult.GetRequiredValue(model),
            new RouterTrainingOptions { Folds = parseResult.GetValue(folds), Seed = parseResult.GetValue(seed) },
            parseResult.GetValue(noEval),
            stdout,
            stderr)));
        return command;
    }

    private static int Run(string[] dataPaths, string modelPath, RouterTrainingOptions options, bool noEval, TextWriter stdout, TextWriter stderr)
    {
        var data = DataFiles.Read(dataPaths, stderr);
        var clock = Stopwatch.StartNew();
        var progress = new ProgressWriter(stderr, clock);
        RouterModel trained;
        if (noEval)
        {
            progress.Report(new TrainingProgress("训练模型（不做交叉验证）", 0));
            trained = RouterTrainer.Fit(data.Messages, options);
            progress.Report(new TrainingProgress("完成", 1));
        }
        else
        {
            trained = RouterTrainer.Train(data.Messages, options, progress);
        }

        using (trained)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            trained.SaveToFile(modelPath);
            WriteSummary(stdout, trained.Metadata, data, modelPath, seconds);
        }

        return ExitCodes.Ok;
    }

    private static void WriteSummary(TextWriter stdout, RouterModelMetadata metadata, DataRead data, string modelPath, double seconds)
    {
        stdout.WriteLine($"训练样本：{metadata.ExampleCount} 条（数据文件中跳过 {data.SkippedRows} 行）");
        var table = new TextTable("部门（标签）", "样本数", "占比");
        table.RightAligned.UnionWith([1, 2]);
        foreach (var (label, rows) in metadata.RowsPerLabel)
            table.Add(label, rows.ToString(), TextTable.Percent((double)rows / metadata.ExampleCount));
        table.WriteTo(stdout);

        if (metadata.Evaluation is { } evaluation)
        {
            stdout.WriteLine($"{evaluation.Method}：宏平均 F1 {TextTable.Number(evaluation.MacroF1)}，准确率 {TextTable.Number(evaluation.Accuracy)}");
            stdout.WriteLine($"自动分派阈值 {TextTable.Number(evaluation.RecommendedThreshold, "0.00")}（精确率目标 {TextTable.Percent(evaluation.TargetPrecision)}）："
                + $"覆盖 {TextTable.Percent(evaluation.CoverageAtThreshold)} 的留言，其中分派正确 {TextTable.Percent(evaluation.PrecisionAtThreshold)}");
        }
        else
        {
            stdout.WriteLine("未评估（--no-eval）：阈值为 1.00，所有留言都交给审核员人工分派。");
        }

        var megabytes = new FileInfo(modelPath).Length / 1024.0 / 1024.0;
        stdout.WriteLine($"训练用时 {TextTable.Number(seconds, "0.0")} 秒（ML.NET {RouterTrainer.MlNetVersion}）");
        stdout.WriteLine($"模型已保存：{modelPath}（{TextTable.Number(megabytes, "0.00")} MB）");
    }

    /// <summary>Writes each progress step to stderr at once, in order (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class ProgressWriter(TextWriter stderr, Stopwatch clock) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) =>
            stderr.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {TextTable.Percent(value.Fraction),6} {value.Step}");
    }
}
