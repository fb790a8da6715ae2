using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Cli;

namespace Portal.Cli.Tests.Routing;

public sealed partial class CliEndToEndTests(TrainedModelFixture model) : IClassFixture<TrainedModelFixture>
{
    private static readonly string[] Labels = ["交通运输", "劳动和社会保障", "卫生计生", "商贸旅游", "城乡建设", "教育文体", "环境保护"];

    [Fact]
    public void Train_OnFixture_SavesModelUnder20MegabytesAndPrintsSummary()
    {
        Assert.True(model.Train.ExitCode == ExitCodes.Ok, model.Train.Stderr);
        var file = new FileInfo(model.ModelPath);
        Assert.True(file.Exists);
        Assert.InRange(file.Length, 1, 20 * 1024 * 1024 - 1);
        Assert.Contains("3 折分层交叉验证", model.Train.Stdout);
        Assert.Contains("84 行可用，跳过 0 行", model.Train.Stderr);
        Assert.All(Labels, label => Assert.Contains(label, model.Train.Stdout));
    }

    [Fact]
    public void EvaluateJson_OnFixture_ReportsConsistentMetrics()
    {
        var run = CliRun.Of("routing", "evaluate", "--model", model.ModelPath, "--data", TrainedModelFixture.DataPath, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var n = root.GetProperty("n").GetInt32();
        Assert.Equal(84, n);
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("macroF1").GetDouble(), 0, 1);
        var perClass = root.GetProperty("perClass").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(Labels.Order(StringComparer.Ordinal), perClass.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(n, perClass.Values.Sum(c => c.GetProperty("support").GetInt32()));
        Assert.All(perClass.Values, c => Assert.InRange(c.GetProperty("f1").GetDouble(), 0, 1));
        var p50 = root.GetProperty("predictMsP50").GetDouble();
        Assert.True(p50 > 0);
        Assert.True(root.GetProperty("predictMsP99").GetDouble() >= p50);
        Assert.True(root.GetProperty("loadMs").GetDouble() > 0);
        Assert.InRange(root.GetProperty("threshold").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("coverageAtThreshold").GetDouble(), 0, 1);
        Assert.Equal(7, root.GetProperty("labels").GetArrayLength());
        Assert.Equal(n, root.GetProperty("confusion").EnumerateArray().SelectMany(row => row.EnumerateArray()).Sum(c => c.GetInt32()));
    }

    [Fact]
    public void Evaluate_WithLabelTheModelDoesNotKnow_ExcludesAndReportsThoseRows()
    {
        var data = Path.Combine(model.Directory, "unknown-label.tsv");
        File.WriteAllLines(data, [.. File.ReadLines(TrainedModelFixture.DataPath).Take(11), "路边停车太乱\t晚上路边停满了车\t公安交警"]);

        var run = CliRun.Of("routing", "evaluate", "--model", model.ModelPath, "--data", data, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(10, json.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("unknownLabelRows").GetInt32());
        Assert.Contains("公安交警", run.Stderr);
    }

    [Fact]
    public void Predict_PrintsTopThreeKnownLabels()
    {
        var run = CliRun.Of("routing", "predict", "--model", model.ModelPath, "小区楼道灯坏了一个月没人修，晚上上下楼摸黑");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.Equal(3, Labels.Count(label => run.Stdout.Contains(label, StringComparison.Ordinal)));
    }

    [Fact]
    public void PredictJson_GivesOnePredictionPerText()
    {
        var run = CliRun.Of("routing", "predict", "--model", model.ModelPath, "--json", "学校食堂太贵", "医院排队太久");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var predictions = json.RootElement.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(2, predictions.Count);
        Assert.All(predictions, p => Assert.Contains(p.GetProperty("top")[0].GetProperty("label").GetString(), Labels));
    }

    [Fact]
    public void Train_WithMissingDataFile_ExitsWith1AndChineseMessage()
    {
        var run = CliRun.Of("routing", "train", "--data", Path.Combine(model.Directory, "no-such-file.tsv"), "--model", Path.Combine(model.Directory, "never.zip"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Matches(ChineseText(), run.Stderr);
        Assert.Contains("找不到数据文件", run.Stderr);
        Assert.DoesNotContain(" at ", run.Stderr);
        Assert.False(File.Exists(Path.Combine(model.Directory, "never.zip")));
    }

    [Fact]
    public void Evaluate_WithCorruptModelFile_ExitsWith1WithoutStackTrace()
    {
        var corrupt = Path.Combine(model.Directory, "corrupt.zip");
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(corrupt, bytes);

        var run = CliRun.Of("routing", "evaluate", "--model", corrupt, "--data", TrainedModelFixture.DataPath);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("模型文件已损坏", run.Stderr);
        Assert.DoesNotContain(" at ", run.Stderr);
    }

    [Fact]
    public void Train_WithoutRequiredOption_IsUsageError()
    {
        var run = CliRun.Of("routing", "train", "--model", Path.Combine(model.Directory, "never.zip"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--data", run.Stderr);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseText();
}
