using System.CommandLine;
using System.Text.Json;
using Portal.Moderation.Routing;

namespace Portal.Cli.Routing;

/// <summary><c>portal routing predict --model MODEL.zip "text"…</c>: the three likeliest departments for each text.</summary>
internal static class PredictCommand
{
    private const int Shown = 3;

    public static Command Create()
    {
        var model = RoutingCommands.ModelOption("模型文件（routing train 的输出）。");
        var json = RoutingCommands.JsonOption("在标准输出上输出一个 JSON 对象（供程序读取）。");
        var texts = new Argument<string[]>("text")
        {
            Description = "留言正文（标题为空），可以给多条。",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("predict", "预测留言最可能的三个部门及置信度。") { model, json, texts };
        command.SetAction(parseResult => CommandRunner.Guarded(parseResult, (stdout, _) => Run(
            parseResult.GetRequiredValue(model), parseResult.GetRequiredValue(texts), parseResult.GetValue(json), stdout)));
        return command;
    }

    private static int Run(string modelPath, string[] texts, bool json, TextWriter stdout)
    {
        using var model = RouterModel.LoadFile(modelPath);
        var threshold = model.Metadata.Threshold;
        var predictions = texts.Select(text =>
        {
            var prediction = model.Predict("", text);
            return new PredictionReport(text, prediction.Best.Confidence >= threshold, [.. prediction.Ranked.Take(Shown)]);
        }).ToList();

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { model = modelPath, threshold, predictions }, RoutingCommands.Json));
            return ExitCodes.Ok;
        }

        foreach (var prediction in predictions)
        {
            stdout.WriteLine($"「{TextTable.Truncate(prediction.Text, 60)}」");
            var table = new TextTable("", "部门", "置信度");
            table.RightAligned.Add(2);
            foreach (var (ranked, i) in prediction.Top.Select((r, i) => (r, i)))
                table.Add($"{i + 1}.", ranked.Label, TextTable.Number(ranked.Confidence));
            table.WriteTo(stdout);
            stdout.WriteLine(prediction.AutoAssign
                ? $"  置信度达到模型阈值 {TextTable.Number(threshold, "0.00")}：可自动分派给“{prediction.Top[0].Label}”。"
                : $"  置信度低于模型阈值 {TextTable.Number(threshold, "0.00")}：交审核员人工分派。");
            stdout.WriteLine();
        }

        return ExitCodes.Ok;
    }

    /// <param name="AutoAssign">The best confidence reaches the model's threshold.</param>
    private sealed record PredictionReport(string Text, bool AutoAssign, IReadOnlyList<RankedLabel> Top);
}
