using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Portal.Cli.Routing;

/// <summary><c>portal routing …</c>: train, evaluate and try the department router.</summary>
internal static class RoutingCommands
{
    /// <summary>JSON for machines: camelCase, Chinese left readable (stdout is not HTML).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create() => new("routing", "部门分派模型：训练、评估、试预测。")
    {
        TrainCommand.Create(),
        EvaluateCommand.Create(),
        PredictCommand.Create(),
    };

    public static Option<string[]> DataOption(string description) => new("--data")
    {
        Description = description,
        HelpName = "FILE",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string> ModelOption(string description) => new("--model")
    {
        Description = description,
        HelpName = "MODEL.zip",
        Required = true,
    };

    public static Option<bool> JsonOption(string description) => new("--json") { Description = description };
}
