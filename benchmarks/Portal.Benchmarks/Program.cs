using Portal.Benchmarks;

// dotnet run -c Release --project benchmarks/Portal.Benchmarks -- quality|cost [--shared DIR] [--set Option=Value ...] [--folds 1,3] [--errors FILE]
// dotnet run -c Release --project benchmarks/Portal.Benchmarks -- history-import
// dotnet run -c Release --project benchmarks/Portal.Benchmarks -- dashboard [--db FILE] [--count N] [--runs N]
// dotnet run -c Release --project benchmarks/Portal.Benchmarks -- hot-issues [--count N] [--db FILE]
const string Usage = "用法：Portal.Benchmarks quality|cost [--shared <数据目录，默认为仓库旁的 ../shared/data/routing>]\n"
    + "          [--set <训练参数>=<值> ...（RouterTrainingOptions 的属性，如 --set L2Regularization=1e-5）] [--folds <只跑这几折，如 1,3；仅 quality>] [--errors <把分错的留言写入此 TSV 文件；仅 quality>]\n"
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

if (args.Length == 0 || args[0] is not ("quality" or "cost"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

if (!RoutingBenchmarkArguments.TryParse(args[1..], out var routing, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(Usage);
    return 2;
}

var data = RoutingBenchmarkData.TryLoad(routing.SharedDirectory, Console.Error);
if (data is null)
    return 1;

Console.WriteLine(MachineInfo.Describe());
Console.WriteLine($"数据：{data.Directory}（messages.tsv {data.Messages.Count} 行，messages_tokenized.tsv {data.Tokenized.Count} 行）");
Console.WriteLine();
if (args[0] == "quality")
    QualityBenchmark.Run(data, routing, Console.Out);
else
    CostBenchmark.Run(data, routing.Options, Console.Out);
return 0;
