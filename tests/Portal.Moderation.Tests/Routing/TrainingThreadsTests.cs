using System.Collections.Concurrent;
using Portal.Moderation.Routing;

namespace Portal.Moderation.Tests.Routing;

public sealed class TrainingThreadsTests
{
    [Fact]
    public void ParallelLoop_RunsOnTheTrainingThreadsAndTheCaller_NeverOnThePool()
    {
        var poolThreadsUsed = 0;
        var threadNames = new ConcurrentDictionary<string, byte>();
        var done = new int[200];
        var caller = new Thread(() =>
        {
            using var threads = new TrainingThreads(2);
            Parallel.For(0, done.Length, threads.Options(CancellationToken.None), i =>
            {
                if (Thread.CurrentThread.IsThreadPoolThread)
                    Interlocked.Increment(ref poolThreadsUsed);
                threadNames.TryAdd(Thread.CurrentThread.Name ?? "", 0);
                Thread.SpinWait(10_000);
                done[i] = 1;
            });
        }) { Name = "caller" };

        caller.Start();
        caller.Join();

        Assert.Equal(0, poolThreadsUsed);
        Assert.All(done, d => Assert.Equal(1, d));
        Assert.All(threadNames.Keys, name => Assert.True(name is "caller" || name.StartsWith("router-training-", StringComparison.Ordinal), name));
    }

    [Fact]
    public void Dispose_EndsItsThreads()
    {
        var threads = new TrainingThreads(2);
        Thread? worker = null;
        Parallel.For(0, 50, threads.Options(CancellationToken.None), _ =>
        {
            if (Thread.CurrentThread.Name?.StartsWith("router-training-", StringComparison.Ordinal) == true)
                worker = Thread.CurrentThread;
            Thread.SpinWait(50_000);
        });

        threads.Dispose();

        Assert.NotNull(worker);
        Assert.False(worker.IsAlive);
    }

    [Fact]
    public void Options_CarryTheCancellation_SoALoopStopsBetweenItems()
    {
        using var threads = new TrainingThreads(2);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => Parallel.For(0, 10, threads.Options(cancel.Token), _ => { }));
    }
}
