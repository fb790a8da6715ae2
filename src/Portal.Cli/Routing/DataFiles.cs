using Portal.Moderation.Routing;
using Portal.Moderation.DataFiles;
using Portal.Moderation.Routing.Import;

namespace Portal.Cli.Routing;

/// <summary>Reads the labelled-message files named on the command line, reporting each to stderr.</summary>
internal static class DataFiles
{
    private const int SkippedReasonsShown = 5;

    /// <exception cref="BadInputException">A file does not exist, or no file has a usable row.</exception>
    /// <exception cref="DataFileFormatException">A file cannot be read as labelled messages.</exception>
    public static DataRead Read(IReadOnlyList<string> paths, TextWriter stderr)
    {
        var messages = new List<LabelledMessage>();
        var skipped = 0;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new BadInputException($"找不到数据文件“{path}”。");
            var data = RoutingDataReader.ReadFile(path);
            stderr.WriteLine($"读取 {path}：{data.Format}，{data.Encoding}，{data.Messages.Count} 行可用，跳过 {data.Skipped.Count} 行。");
            foreach (var row in data.Skipped.Take(SkippedReasonsShown))
                stderr.WriteLine($"  跳过第 {row.LineNumber} 行：{row.Reason}");
            if (data.Skipped.Count > SkippedReasonsShown)
                stderr.WriteLine($"  ……另有 {data.Skipped.Count - SkippedReasonsShown} 行被跳过。");
            messages.AddRange(data.Messages);
            skipped += data.Skipped.Count;
        }

        if (messages.Count == 0)
            throw new BadInputException("数据文件中没有可用的样本行。");
        return new DataRead(messages, skipped);
    }
}

/// <param name="Messages">The usable rows of all files, in order.</param>
/// <param name="SkippedRows">Rows left out over all files.</param>
internal sealed record DataRead(IReadOnlyList<LabelledMessage> Messages, int SkippedRows);
