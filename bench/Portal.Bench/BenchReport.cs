using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Bench;

/// <summary>The end of a run: a Markdown table on the console (pasteable into docs/performance.md) and a JSON file.</summary>
public static class BenchReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Table(IEnumerable<BenchRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine("| 部分 | 测量 | 数值 | 单位 | 相对上限 | 目标 | 达标 |");
        text.AppendLine("| --- | --- | ---: | --- | ---: | --- | --- |");
        foreach (var r in rows)
        {
            var value = double.IsNaN(r.Value) ? "n/a" : r.Value.ToString(r.Value >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture);
            var ratio = r.RatioToCeiling is { } x ? x.ToString(x < 0.1 ? "P2" : "P0", CultureInfo.InvariantCulture) : "";
            var met = r.Met switch { true => "✓", false => "✗", null => r.Target is null ? "" : "n/a" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Section} | {r.Measure} | {value} | {r.Unit} | {ratio} | {r.Target} | {met} |");
        }

        return text.ToString();
    }

    /// <summary>Writes &lt;directory&gt;/&lt;timestamp&gt;.json (the folder is not committed) and returns its path.</summary>
    public static async Task<string> WriteJsonAsync(string directory, DateTimeOffset started, bool quick, IReadOnlyList<BenchRow> rows)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + (quick ? "-quick" : "") + ".json");
        var result = new
        {
            started,
            quick,
            machine = Portal.Benchmarks.MachineInfo.Describe(),
            processors = Environment.ProcessorCount,
            rows,
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json)).ConfigureAwait(false);
        return path;
    }
}
