using System.Globalization;
using Portal.Bench;
using Portal.Bench.Load;
using Portal.Bench.Suite;

// Benchmark suite for issue 7 (performance), see bench/README.md. Normally started by bench/run.sh, which installs
// wrk, builds Release and runs: dotnet bench/Portal.Bench/bin/Release/net10.0/Portal.Bench.dll [--quick] [--opinions N]
// Exit code 0 when every step ran (targets missed are reported, not failed), 1 on failure, 2 on bad usage, 130 on Ctrl+C.
if (Environment.GetEnvironmentVariable(CeilingServer.BytesVariable) is { } ceilingBytes)
    return await CeilingServer.RunAsync(args, int.Parse(ceilingBytes, CultureInfo.InvariantCulture));

var quick = args.Contains("--quick");
var opinions = Option("--opinions") is { } n && int.TryParse(n, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 100_000;
var root = Option("--repo") ?? FindRepositoryRoot();
if (root is null || args.Except(["--quick"]).Any(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--opinions" or "--repo")))
{
    Console.Error.WriteLine("用法：Portal.Bench [--quick] [--opinions <意见条数，默认 100000>] [--repo <仓库根目录>]");
    return 2;
}

var portalDll = Path.Combine(root, "src", "Portal.Web", "bin", "Release", "net10.0", "Portal.Web.dll");
if (!File.Exists(portalDll))
{
    Console.Error.WriteLine($"没有找到 {portalDll}：先运行 dotnet build -c Release src/Portal.Web（bench/run.sh 会做）。");
    return 2;
}

if (!Wrk.IsInstalled())
{
    Console.Error.WriteLine("没有找到 wrk：apt-get install -y wrk（bench/run.sh 以 root 运行时会安装）。");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Unwind: every portal and load generator started is killed as its using block ends.
    e.Cancel = true;
    cancel.Cancel();
};

var started = DateTimeOffset.Now;
var settings = new BenchSettings(quick, root, portalDll, opinions);
Console.WriteLine($"Portal.Bench {(quick ? "--quick（每步几秒，仅供开发）" : "完整运行")}  {Portal.Benchmarks.MachineInfo.Describe()}");
try
{
    var rows = await BenchSuite.RunAsync(settings, Console.Out, cancel.Token);
    Console.WriteLine();
    Console.WriteLine(BenchReport.Table(rows));
    var file = await BenchReport.WriteJsonAsync(Path.Combine(root, "bench", "results"), started, quick, rows);
    Console.WriteLine($"结果：{file}");
    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("已中断（Ctrl+C）：门户和负载进程已结束。");
    return 130;
}
catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
{
    Console.Error.WriteLine("Portal.Bench 失败：" + ex);
    return 1;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static string? FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            return dir.FullName;
    }

    return null;
}
