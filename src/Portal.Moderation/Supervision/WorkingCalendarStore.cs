using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Moderation.Supervision;

/// <summary>
/// The working calendar as stored, loaded once and kept until an edit invalidates it. Deadline arithmetic
/// then costs a dictionary look-up per day instead of a query.
/// </summary>
public sealed class WorkingCalendarStore(IDbContextFactory<PortalDbContext> dbFactory) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile WorkingCalendar? _current;
    private int _generation;

    public async ValueTask<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } cached)
            return cached;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_current is { } loaded)
                return loaded;
            var generation = Volatile.Read(ref _generation);
            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            var days = await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.IsWorkingDay }).ToListAsync(ct).ConfigureAwait(false);
            var calendar = new WorkingCalendar(days.ToDictionary(d => d.Date, d => d.IsWorkingDay));
            // An edit while loading: serve what was read, but do not keep it.
            if (generation == Volatile.Read(ref _generation))
                _current = calendar;
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets the cached calendar: the next request reads the table again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }
}
