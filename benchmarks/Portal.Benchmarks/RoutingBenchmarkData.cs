using Portal.Moderation.Routing;
using Portal.Moderation.Routing.Import;

namespace Portal.Benchmarks;

/// <summary>
/// The shared research data (never copied into the repository): <c>messages.tsv</c>, full resident texts, and
/// <c>messages_tokenized.tsv</c>, other messages of the same set available only as space-separated words.
/// </summary>
internal sealed record RoutingBenchmarkData(string Directory, IReadOnlyList<LabelledMessage> Messages, IReadOnlyList<LabelledMessage> Tokenized)
{
    private const string MessagesFile = "messages.tsv";
    private const string TokenizedFile = "messages_tokenized.tsv";

    /// <summary>Reads the data from <paramref name="directory"/>, or by default from <c>../shared/data/routing</c> beside the repository root.</summary>
    /// <returns>Null (after saying why on <paramref name="stderr"/>) when the data is not there.</returns>
    public static RoutingBenchmarkData? TryLoad(string? directory, TextWriter stderr)
    {
        if (directory is null)
        {
            var root = FindRepositoryRoot();
            if (root is null)
            {
                stderr.WriteLine("找不到仓库根目录（含 Portal.sln 的目录），请用 --shared 指定数据目录。");
                return null;
            }

            directory = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "routing"));
        }
        else
        {
            directory = Path.GetFullPath(directory);
        }

        var messages = Path.Combine(directory, MessagesFile);
        var tokenized = Path.Combine(directory, TokenizedFile);
        if (!File.Exists(messages) || !File.Exists(tokenized))
        {
            stderr.WriteLine($"找不到基准数据：需要 {messages} 和 {tokenized}。");
            stderr.WriteLine("这些数据不在仓库里（也不能提交进来）；请用 --shared <目录> 指定它们所在的目录。");
            return null;
        }

        return new RoutingBenchmarkData(directory, Read(messages, stderr), Read(tokenized, stderr));
    }

    private static IReadOnlyList<LabelledMessage> Read(string path, TextWriter stderr)
    {
        var data = RoutingDataReader.ReadFile(path);
        stderr.WriteLine($"读取 {path}：{data.Messages.Count} 行，跳过 {data.Skipped.Count} 行。");
        return data.Messages;
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
                    return dir.FullName;
            }
        }

        return null;
    }
}
