using Portal.Benchmarks;

// dotnet run -c Release --project benchmarks/Portal.Benchmarks -- quality|cost [--shared DIR]
// dotnet run -c Release --project benchmarks/Portal.Benchmarks -- history-import
// dotnet run -c Release --project benchmarks/Portal.Benchmarks -- dashboard [--db FILE] [--count N] [--runs N]
// dotnet run -c Release --project benchmarks/Portal.Benchmarks -- hot-issues [--count N] [--db FILE]
const string Usage = "用法：Portal.Benchmarks quality|cost [--shared <数据目录，默认为仓库旁的 ../shared/data/routing>]\n"
    + "      Portal.Benchmarks hot-issues [--count <意见条数，默认 100000>] [--db <SQLite 文件，默认临时目录>] [--reuse 沿用已生成的文件]\n"
    + "      Portal.Benchmarks dashboard [--db <SQLite 文件>] [--count <意见条数，默认 100000>] [--runs <计时次数，默认 7>]\n"
    + "      Portal.Benchmarks history-import";

if (args.Length > 0 && args[0] == "dashboard")
{
    Console.WriteLine(MachineInfo.Describe());
    return await DashboardBenchmark.RunAsync(args[1..], Console.Out);
}

if (args is ["history-import"])
{
    Console.WriteLine(MachineInfo.Describe());
    await HistoryImportBenchmark.RunAsync(Console.Out);
    return 0;
}

if (args.Length > 0 && args[0] == "hot-issues")
{
    var count = 100_000;
    var db = Path.Combine(Path.GetTempPath(), "portal-hot-issues-bench.db");
    var reuse = args.Contains("--reuse");
    var options = args.Where(a => a != "--reuse").ToArray();
    for (var i = 1; i < options.Length; i += 2)
    {
        if (i + 1 >= options.Length)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (options[i] == "--count" && int.TryParse(options[i + 1], out var n) && n > 0)
            count = n;
        else if (options[i] == "--db")
            db = Path.GetFullPath(options[i + 1]);
        else
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    Console.WriteLine(MachineInfo.Describe());
    await HotIssueBenchmark.RunAsync(db, count, reuse, Console.Out);
    return 0;
}

if (args.Length is not (1 or 3) || args[0] is not ("quality" or "cost") || (args.Length == 3 && args[1] != "--shared"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var data = RoutingBenchmarkData.TryLoad(args.Length == 3 ? args[2] : null, Console.Error);
if (data is null)
    return 1;

Console.WriteLine(MachineInfo.Describe());
Console.WriteLine($"数据：{data.Directory}（messages.tsv {data.Messages.Count} 行，messages_tokenized.tsv {data.Tokenized.Count} 行）");
Console.WriteLine();
if (args[0] == "quality")
    QualityBenchmark.Run(data, Console.Out);
else
    CostBenchmark.Run(data, Console.Out);
return 0;
