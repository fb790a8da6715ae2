using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Portal.Benchmarks;

/// <summary>What the figures were measured on.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var debug = typeof(MachineInfo).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled ?? false;
        return $"{DateTime.Now:yyyy-MM-dd HH:mm}  {RuntimeInformation.OSDescription}  {Environment.ProcessorCount} 核  "
            + $".NET {Environment.Version}  ML.NET {Portal.Moderation.Routing.RouterTrainer.MlNetVersion}  {(debug ? "Debug（数字不可信，请用 -c Release）" : "Release")}  负载 {LoadAverage()}";
    }

    /// <summary>
    /// The 1/5/15-minute load averages (Linux): on a machine shared with other work, timings are only
    /// comparable together with the load they were taken under.
    /// </summary>
    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(" ", File.ReadAllText(path).Split(' ').Take(3)) : "?";
    }
}
