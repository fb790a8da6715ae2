using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data.Departments;
using Portal.Data.HotIssues;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Data.Receptions;

namespace Portal.Data.PublicContent;

/// <summary>
/// Finds, in every <c>SaveChanges</c>, the changes residents can see — an opinion entering or leaving 已公开 or edited
/// while public, a support, anything about pledges or reception days, a department — and tells the listeners once
/// the save succeeded. Being in the data layer, no service method (and no page) can forget to: a new submission or
/// a step of a case that is not public evicts nothing.
/// </summary>
internal sealed class PublicContentChangeInterceptor(IReadOnlyList<IPublicContentListener> listeners) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, StrongBox<PublicContentKinds>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Synchronous saves are not used by the portal; the in-memory output cache evicts without waiting anyway.
        _ = NotifyAsync(eventData.Context, CancellationToken.None).AsTask();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await NotifyAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>What the pending changes of <paramref name="entries"/> alter on the public pages.</summary>
    internal static PublicContentKinds Classify(IEnumerable<EntityEntry> entries)
    {
        var kinds = PublicContentKinds.None;
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            kinds |= entry.Entity switch
            {
                Opinion when IsPublic(entry) => PublicContentKinds.Opinions,
                OpinionSupport => PublicContentKinds.Opinions,
                Department => PublicContentKinds.All,
                _ when entry.Metadata.ClrType.Namespace == typeof(Pledge).Namespace => PublicContentKinds.Pledges,
                _ when entry.Metadata.ClrType.Namespace == typeof(ReceptionSession).Namespace => PublicContentKinds.Receptions,
                _ => PublicContentKinds.None,
            };
        }

        return kinds;
    }

    /// <summary>Published before or after the change: it enters, leaves or changes the public list.</summary>
    private static bool IsPublic(EntityEntry entry)
    {
        var status = entry.Property(nameof(Opinion.Status));
        return status.CurrentValue is OpinionStatus.Published
            || (entry.State != EntityState.Added && status.OriginalValue is OpinionStatus.Published);
    }

    private void Collect(DbContext? context)
    {
        if (context is null || listeners.Count == 0)
            return;
        var kinds = Classify(context.ChangeTracker.Entries());
        if (kinds != PublicContentKinds.None)
            _pending.GetOrCreateValue(context).Value |= kinds;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
            _pending.Remove(context);
    }

    private async ValueTask NotifyAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var box))
            return;
        _pending.Remove(context);
        foreach (var listener in listeners)
            await listener.ChangedAsync(box.Value, cancellationToken).ConfigureAwait(false);
    }
}
