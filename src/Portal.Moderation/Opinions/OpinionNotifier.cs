namespace Portal.Moderation.Opinions;

/// <summary>
/// Tells open staff workspaces that an opinion arrived or changed, so queues refresh live.
/// A singleton; subscribers dispose their subscription when they go away.
/// </summary>
public sealed class OpinionNotifier
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    public IDisposable Subscribe(Func<OpinionChange, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
            _subscribers = _subscribers.Add(handler);
        return new Subscription(this, handler);
    }

    public void Publish(OpinionChange change)
    {
        foreach (var handler in _subscribers.Items)
        {
            // Fire and forget: a slow or failing subscriber must never hold up the workflow.
            _ = InvokeSafely(handler, change);
        }
    }

    private static async Task InvokeSafely(Func<OpinionChange, Task> handler, OpinionChange change)
    {
        try
        {
            await handler(change).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A subscriber's failure (a closed circuit) is not the publisher's concern.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void Unsubscribe(Func<OpinionChange, Task> handler)
    {
        lock (_gate)
            _subscribers = _subscribers.Remove(handler);
    }

    private sealed class Subscription(OpinionNotifier owner, Func<OpinionChange, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }

    private sealed record ImmutableSubscribers(Func<OpinionChange, Task>[] Items)
    {
        public static ImmutableSubscribers Empty { get; } = new([]);

        public ImmutableSubscribers Add(Func<OpinionChange, Task> h) => new([.. Items, h]);

        public ImmutableSubscribers Remove(Func<OpinionChange, Task> h) => new(Items.Where(x => x != h).ToArray());
    }
}

/// <param name="OpinionId">The opinion that changed.</param>
/// <param name="DepartmentId">Its department after the change, if any.</param>
public sealed record OpinionChange(int OpinionId, int? DepartmentId);
