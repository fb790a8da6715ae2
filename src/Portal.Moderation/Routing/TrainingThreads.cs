using System.Collections.Concurrent;

namespace Portal.Moderation.Routing;

/// <summary>
/// Threads of a training run's own, for its parallel loops. Training keeps every core busy for up to a
/// minute; run on the shared thread pool, its long work items would hold the pool's threads, and the
/// portal's requests and router suggestions (which have a 200 ms limit) would wait seconds for the pool
/// to grow. On these threads the operating system shares the cores between training and requests instead.
/// </summary>
internal sealed class TrainingThreads : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    public TrainingThreads(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _threads = [.. Enumerable.Range(0, count).Select(i => new Thread(Work) { IsBackground = true, Name = $"router-training-{i + 1}" })];
        foreach (var thread in _threads)
            thread.Start();
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Options for <see cref="Parallel"/> loops that run on these threads (and the calling one).</summary>
    public ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { TaskScheduler = this, MaxDegreeOfParallelism = _threads.Length, CancellationToken = cancellationToken };

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
            thread.Join();
        _queue.Dispose();
    }

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Inlining runs a loop's work on the thread that waits for it, which is what Parallel does with its caller.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [.. _queue];

    private void Work()
    {
        foreach (var task in _queue.GetConsumingEnumerable())
            TryExecuteTask(task);
    }
}
