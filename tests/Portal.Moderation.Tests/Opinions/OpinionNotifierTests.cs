using Portal.Moderation.Opinions;

namespace Portal.Moderation.Tests.Opinions;

/// <summary>
/// The live-update notifier. Awaits use a timeout only as a guard against a hang; no assertion depends on timing.
/// Publish starts every handler before it returns, so once a later subscriber has been reached an earlier,
/// removed one would have been too.
/// </summary>
public sealed class OpinionNotifierTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly OpinionNotifier _notifier = new();

    [Fact]
    public async Task Publish_ReachesEverySubscriber()
    {
        var first = new Recorder();
        var second = new Recorder();
        using var a = _notifier.Subscribe(first.Handle);
        using var b = _notifier.Subscribe(second.Handle);

        _notifier.Publish(new OpinionChange(7, 3));

        Assert.Equal(new OpinionChange(7, 3), await first.Next.WaitAsync(Guard));
        Assert.Equal(new OpinionChange(7, 3), await second.Next.WaitAsync(Guard));
    }

    [Fact]
    public async Task Publish_DeliversEveryChange()
    {
        var received = new List<OpinionChange>();
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _notifier.Subscribe(change =>
        {
            lock (received)
            {
                received.Add(change);
                if (received.Count == 3)
                    third.TrySetResult();
            }

            return Task.CompletedTask;
        });

        _notifier.Publish(new OpinionChange(1, null));
        _notifier.Publish(new OpinionChange(2, 5));
        _notifier.Publish(new OpinionChange(3, 5));

        await third.Task.WaitAsync(Guard);
        Assert.Equal([new OpinionChange(1, null), new OpinionChange(2, 5), new OpinionChange(3, 5)], received.OrderBy(c => c.OpinionId));
    }

    [Fact]
    public async Task Publish_AfterTheSubscriptionIsDisposed_NoLongerReachesIt()
    {
        var removed = new Recorder();
        var kept = new Recorder();
        var subscription = _notifier.Subscribe(removed.Handle);
        using var other = _notifier.Subscribe(kept.Handle);
        _notifier.Publish(new OpinionChange(1, null));
        await removed.Next.WaitAsync(Guard);
        await kept.Next.WaitAsync(Guard);

        subscription.Dispose();
        kept.Reset();
        _notifier.Publish(new OpinionChange(2, null));

        Assert.Equal(new OpinionChange(2, null), await kept.Next.WaitAsync(Guard));
        Assert.Equal([new OpinionChange(1, null)], removed.All);
    }

    [Fact]
    public async Task DisposingASubscriptionTwice_LeavesOtherSubscribersInPlace()
    {
        var kept = new Recorder();
        var subscription = _notifier.Subscribe(_ => Task.CompletedTask);
        using var other = _notifier.Subscribe(kept.Handle);

        subscription.Dispose();
        subscription.Dispose();
        _notifier.Publish(new OpinionChange(4, null));

        Assert.Equal(new OpinionChange(4, null), await kept.Next.WaitAsync(Guard));
    }

    [Fact]
    public async Task Publish_ASubscriberThatThrows_DoesNotStopTheOthersOrThePublisher()
    {
        var after = new Recorder();
        using var throwsAtOnce = _notifier.Subscribe(_ => throw new InvalidOperationException("The circuit is gone."));
        using var faults = _notifier.Subscribe(async _ =>
        {
            await Task.Yield();
            throw new ObjectDisposedException("circuit");
        });
        using var kept = _notifier.Subscribe(after.Handle);

        var publishing = Record.Exception(() => _notifier.Publish(new OpinionChange(9, 1)));

        Assert.Null(publishing);
        Assert.Equal(new OpinionChange(9, 1), await after.Next.WaitAsync(Guard));
    }

    [Fact]
    public async Task Publish_ASubscriberThatNeverFinishes_DoesNotHoldUpThePublisherOrTheOthers()
    {
        var never = new TaskCompletionSource();
        var after = new Recorder();
        using var stuck = _notifier.Subscribe(_ => never.Task);
        using var kept = _notifier.Subscribe(after.Handle);

        _notifier.Publish(new OpinionChange(5, null));

        Assert.Equal(new OpinionChange(5, null), await after.Next.WaitAsync(Guard));
        Assert.False(never.Task.IsCompleted);
    }

    [Fact]
    public void Publish_WithoutSubscribers_DoesNothing()
    {
        var publishing = Record.Exception(() => _notifier.Publish(new OpinionChange(1, null)));

        Assert.Null(publishing);
    }

    [Fact]
    public void Subscribe_WithoutAHandler_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _notifier.Subscribe(null!));
    }

    /// <summary>Records what a subscriber received; <see cref="Next"/> completes at the next change.</summary>
    private sealed class Recorder
    {
        private readonly List<OpinionChange> _all = [];
        private TaskCompletionSource<OpinionChange> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<OpinionChange> Next
        {
            get
            {
                lock (_all)
                    return _next.Task;
            }
        }

        public IReadOnlyList<OpinionChange> All
        {
            get
            {
                lock (_all)
                    return _all.ToList();
            }
        }

        public void Reset()
        {
            lock (_all)
                _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public Task Handle(OpinionChange change)
        {
            lock (_all)
            {
                _all.Add(change);
                _next.TrySetResult(change);
            }

            return Task.CompletedTask;
        }
    }
}
