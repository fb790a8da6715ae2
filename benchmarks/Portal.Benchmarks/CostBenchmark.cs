using System.Diagnostics;
using Portal.Moderation.Routing;

namespace Portal.Benchmarks;

/// <summary>
/// What the router costs to run: training on everything, model size, load time, prediction latency
/// sequentially and from 8 parallel callers (whose results must equal the sequential ones), and prediction
/// latency through the thread pool while a training runs.
/// </summary>
internal static class CostBenchmark
{
    private const int Loads = 5;
    private const int Texts = 1_000;
    private const int WarmUp = 50;
    private const int Callers = 8;

    public static void Run(RoutingBenchmarkData data, RouterTrainingOptions options, TextWriter output)
    {
        var everything = data.Tokenized.Concat(data.Messages).ToList();
        var clock = Stopwatch.StartNew();
        double trainSeconds;
        var path = Path.Combine(Path.GetTempPath(), $"portal-router-{Guid.NewGuid():N}.zip");
        try
        {
            using (var trained = RouterTrainer.Fit(everything, options))
            {
                trainSeconds = clock.Elapsed.TotalSeconds;
                trained.SaveToFile(path);
            }

            var megabytes = new FileInfo(path).Length / 1024.0 / 1024.0;
            output.WriteLine($"训练（Fit，{everything.Count} 行）：{trainSeconds:0.0} 秒；模型文件 {megabytes:0.00} MB");

            var loadMs = new List<double>();
            RouterModel? model = null;
            for (var i = 0; i < Loads; i++)
            {
                model?.Dispose();
                var start = Stopwatch.GetTimestamp();
                model = RouterModel.LoadFile(path);
                loadMs.Add(Percentiles.ToMs(Stopwatch.GetTimestamp() - start));
            }

            var medianLoad = Percentiles.Of(loadMs, 50);
            output.WriteLine($"加载 {Loads} 次：{string.Join(" / ", loadMs.Select(ms => ms.ToString("0")))} ms，中位数 {medianLoad:0} ms（第一次含 JIT）");
            using (model)
            {
                var latency = Predictions(model!, data, output);
                var busy = PredictionsDuringTraining(model!, everything, data, options, output);
                output.WriteLine();
                output.WriteLine($"==== 摘要 (cost)，结束时负载 {MachineInfo.LoadAverage()} ====");
                output.WriteLine($"训练 {trainSeconds:0.0} 秒 | 模型 {megabytes:0.00} MB | 加载中位数 {medianLoad:0} ms");
                output.WriteLine(latency);
                output.WriteLine(busy);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Sequential and parallel latency; returns the summary line.</summary>
    private static string Predictions(RouterModel model, RoutingBenchmarkData data, TextWriter output)
    {
        // The complete resident texts of messages.tsv, in a fixed shuffled order (this model trained on them:
        // the figures here are about time and thread safety, not quality).
        var texts = data.Messages.ToArray();
        new Random(2026).Shuffle(texts);
        texts = texts[..Math.Min(Texts, texts.Length)];

        for (var i = 0; i < WarmUp; i++)
            model.Predict(texts[i % texts.Length].Title, texts[i % texts.Length].Body);

        var sequential = new RoutingPrediction[texts.Length];
        var sequentialMs = new double[texts.Length];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < texts.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            sequential[i] = model.Predict(texts[i].Title, texts[i].Body);
            sequentialMs[i] = Percentiles.ToMs(Stopwatch.GetTimestamp() - start);
        }

        var sequentialWall = wall.Elapsed.TotalSeconds;
        var seqP50 = Percentiles.Of(sequentialMs, 50);
        var seqP99 = Percentiles.Of(sequentialMs, 99);
        output.WriteLine($"顺序预测 {texts.Length} 条：p50 {seqP50:0.000} ms，p99 {seqP99:0.000} ms，平均 {sequentialMs.Average():0.000} ms，{texts.Length / sequentialWall:0} 条/秒");

        var parallelMs = new double[Callers][];
        var mismatches = 0;
        var failures = 0;
        using var go = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, Callers).Select(caller => new Thread(() =>
        {
            var times = parallelMs[caller] = new double[texts.Length];
            go.Wait();
            for (var k = 0; k < texts.Length; k++)
            {
                var i = (k + caller * texts.Length / Callers) % texts.Length; // callers start at different texts
                try
                {
                    var start = Stopwatch.GetTimestamp();
                    var prediction = model.Predict(texts[i].Title, texts[i].Body);
                    times[k] = Percentiles.ToMs(Stopwatch.GetTimestamp() - start);
                    if (!SameRanking(prediction, sequential[i]))
                        Interlocked.Increment(ref mismatches);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException) // a shared engine would fail like this
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        wall.Restart();
        go.Set();
        threads.ForEach(t => t.Join());
        var parallelWall = wall.Elapsed.TotalSeconds;

        var allParallel = parallelMs.SelectMany(t => t).ToArray();
        var parP50 = Percentiles.Of(allParallel, 50);
        var parP99 = Percentiles.Of(allParallel, 99);
        output.WriteLine($"{Callers} 个并行调用方 × {texts.Length} 条：p50 {parP50:0.000} ms，p99 {parP99:0.000} ms，{allParallel.Length / parallelWall:0} 条/秒（{Environment.ProcessorCount} 核）");
        output.WriteLine($"并行结果与顺序结果不一致：{mismatches} 条；异常：{failures} 次");
        return $"顺序 p50/p99 {seqP50:0.000}/{seqP99:0.000} ms | 并行×{Callers} p50/p99 {parP50:0.000}/{parP99:0.000} ms | 不一致 {mismatches} | 异常 {failures}";
    }

    /// <summary>
    /// What residents feel while an administrator trains: the portal asks the router for each submission on a
    /// thread-pool task with a 200 ms limit, so a training run that held the pool's threads would turn
    /// suggestions into manual routing (and slow every request). One submission every 20 ms during a fit;
    /// returns the summary line.
    /// </summary>
    private static string PredictionsDuringTraining(RouterModel model, List<LabelledMessage> everything, RoutingBenchmarkData data, RouterTrainingOptions options, TextWriter output)
    {
        const double RouterLimitMs = 200;
        var texts = data.Messages;
        var latencies = new List<double>();
        var training = Task.Factory.StartNew(() => RouterTrainer.Fit(everything, options).Dispose(), TaskCreationOptions.LongRunning); // as the portal runs it
        var clock = Stopwatch.StartNew();
        for (var i = 0; !training.IsCompleted; i++)
        {
            var text = texts[i % texts.Count];
            var start = Stopwatch.GetTimestamp();
            Task.Run(() => model.Predict(text.Title, text.Body)).GetAwaiter().GetResult();
            latencies.Add(Percentiles.ToMs(Stopwatch.GetTimestamp() - start));
            Thread.Sleep(20);
        }

        training.GetAwaiter().GetResult();
        var late = latencies.Count(ms => ms > RouterLimitMs);
        var (p50, p99, max) = (Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), latencies.Max());
        output.WriteLine($"训练进行中（{clock.Elapsed.TotalSeconds:0.0} 秒）每 20 ms 经线程池预测一次，共 {latencies.Count} 次：p50 {p50:0.00} ms，p99 {p99:0.00} ms，最长 {max:0.0} ms，超过 {RouterLimitMs:0} ms 的 {late} 次");
        return $"训练中经线程池预测 p50/p99/最长 {p50:0.00}/{p99:0.00}/{max:0.0} ms | 超过 {RouterLimitMs:0} ms {late} 次（共 {latencies.Count} 次）";
    }

    /// <summary>Same labels in the same order with bit-identical confidences.</summary>
    private static bool SameRanking(RoutingPrediction a, RoutingPrediction b) =>
        a.Ranked.Count == b.Ranked.Count && a.Ranked.Zip(b.Ranked).All(p => p.First == p.Second);
}
