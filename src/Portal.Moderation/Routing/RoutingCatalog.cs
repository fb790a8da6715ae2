using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Routing;

namespace Portal.Moderation.Routing;

/// <summary>
/// What routing needs on every submission, cached: the administrator's settings and which active department
/// answers for each label. Kept for a short time and dropped whenever settings or departments change.
/// </summary>
public sealed class RoutingCatalog(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private volatile Snapshot? _snapshot;

    /// <summary>Forgets the cached settings and departments (call after changing either).</summary>
    public void Invalidate() => _snapshot = null;

    public async Task<RoutingSettings> GetSettingsAsync(CancellationToken ct) => (await GetAsync(ct).ConfigureAwait(false)).Settings;

    /// <summary>Active department id by routing label (a department's category).</summary>
    public async Task<IReadOnlyDictionary<string, int>> GetDepartmentsByLabelAsync(CancellationToken ct) =>
        (await GetAsync(ct).ConfigureAwait(false)).DepartmentsByLabel;

    private async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } cached && now - cached.LoadedAt < Lifetime)
            return cached;

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var settings = await db.RoutingSettings.AsNoTracking().SingleOrDefaultAsync(ct).ConfigureAwait(false) ?? new RoutingSettings();
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Category }).ToListAsync(ct).ConfigureAwait(false);
        // Two active departments with one category: the older one takes the router's suggestions.
        var byLabel = departments.GroupBy(d => d.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var snapshot = new Snapshot(settings, byLabel, now);
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(RoutingSettings Settings, IReadOnlyDictionary<string, int> DepartmentsByLabel, DateTimeOffset LoadedAt);
}
