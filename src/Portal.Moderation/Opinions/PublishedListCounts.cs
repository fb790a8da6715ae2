using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Portal.Data.PublicContent;

namespace Portal.Moderation.Opinions;

/// <summary>
/// The totals of the public list (“共 N 条”) per filter, kept in memory: counting tens of thousands of published
/// answers costs ~30 ms on every render, far more than the page itself (ADR-018). Dropped as soon as a public
/// opinion changes (told by the data layer) and after a minute at most. Keyword searches are not kept (any text).
/// </summary>
public sealed class PublishedListCounts(IMemoryCache cache) : IPublicContentListener, IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private CancellationTokenSource _changed = new();

    /// <summary>The kept total for <paramref name="filter"/>, or <paramref name="count"/>'s result, kept.</summary>
    public async Task<int> GetAsync(PublishedFilter filter, Func<Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(count);
        if (filter.Search is { Length: > 0 })
            return await count().ConfigureAwait(false);
        var changed = new CancellationChangeToken(Volatile.Read(ref _changed).Token);
        return await cache.GetOrCreateAsync($"published-count:{filter.DepartmentId}|{filter.Kind}|{filter.Adoption}|{filter.Month}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
            entry.AddExpirationToken(changed);
            return await count().ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public ValueTask ChangedAsync(PublicContentKinds kinds, CancellationToken cancellationToken = default)
    {
        if (kinds.HasFlag(PublicContentKinds.Opinions))
        {
            // Not disposed: a render may still be attaching its token to a new entry (which then expires at once).
            Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => _changed.Dispose();
}
