using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Data;
using Portal.Data.Departments;
using Portal.Data.PublicContent;

namespace Portal.Moderation.Departments;

/// <summary>
/// The departments for the residents' pages (filters, names), kept in memory: they change a few times a year, and
/// the public list would otherwise ask for them on every render. A saved department drops the copy at once
/// (<see cref="DepartmentCatalogEviction"/>, told by the data layer); it is also renewed every few minutes.
/// </summary>
public sealed class DepartmentCatalog(IDbContextFactory<PortalDbContext> dbFactory, IMemoryCache cache)
{
    internal const string CacheKey = "departments:all";

    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    /// <summary>Every department, by id, as <see cref="DepartmentService.ListAsync"/> returns them.</summary>
    public async Task<IReadOnlyList<Department>> ListAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            return (IReadOnlyList<Department>)await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct).ConfigureAwait(false);
        }).ConfigureAwait(false))!;
}

/// <summary>Drops the <see cref="DepartmentCatalog"/> copy when a department (or anything every page shows) changed.</summary>
internal sealed class DepartmentCatalogEviction(IMemoryCache cache) : IPublicContentListener
{
    public ValueTask ChangedAsync(PublicContentKinds kinds, CancellationToken cancellationToken = default)
    {
        if ((kinds & PublicContentKinds.All) == PublicContentKinds.All)
            cache.Remove(DepartmentCatalog.CacheKey);
        return ValueTask.CompletedTask;
    }
}
