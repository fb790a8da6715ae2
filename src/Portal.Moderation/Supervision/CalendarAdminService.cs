using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Staff;
using Portal.Data.Supervision;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Supervision;

/// <summary>
/// The administrator's view and edits of the working calendar. Every edit invalidates the cached calendar,
/// so the next deadline is computed with it. Deadlines already set are not recomputed.
/// </summary>
public sealed class CalendarAdminService(IDbContextFactory<PortalDbContext> dbFactory, WorkingCalendarStore calendars, StaffAudit audit)
{
    public async Task<CalendarYearView> GetYearAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var info = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct).ConfigureAwait(false);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date)
            .Select(d => new CalendarDayView(d.Date, d.IsWorkingDay, d.Name, d.Version)).ToListAsync(ct).ConfigureAwait(false);
        var calendar = await calendars.GetAsync(ct).ConfigureAwait(false);
        return new CalendarYearView(year, info?.Source, info?.IsProvisional ?? info is null, days, calendar.CountWorkingDays(first, last));
    }

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Adds or changes the exception for one day. Returns a Chinese error message, or null on success.</summary>
    /// <param name="expectedVersion">The version of the day the administrator saw (<see cref="CalendarDayView.Version"/>); 0 when it had no entry.</param>
    public async Task<string?> SaveDayAsync(DateOnly? date, bool isWorkingDay, string? name, int expectedVersion, StaffActor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        if (date is not { } day)
            return "请选择日期。";
        if (day.Year is < 2000 or > 2100)
            return "日期超出范围。";
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
            return "请填写名称，例如“春节”或“调休上班”。";
        if (name.Length > CalendarDay.MaxNameLength)
            return $"名称不能超过 {CalendarDay.MaxNameLength} 个字。";
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var existing = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == day, ct).ConfigureAwait(false);
        if ((existing?.Version ?? 0) != expectedVersion)
            return ConcurrentEditException.DefaultMessage;
        if (existing is null)
            db.CalendarDays.Add(CalendarDay.Create(day, isWorkingDay, name));
        else
            existing.Change(isWorkingDay, name);

        if (!await db.CalendarYears.AnyAsync(y => y.Year == day.Year, ct).ConfigureAwait(false))
            db.CalendarYears.Add(new CalendarYear { Year = day.Year, Source = "管理员录入", IsProvisional = true });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or DbUpdateException { InnerException: Microsoft.Data.Sqlite.SqliteException })
        {
            // Changed meanwhile, or the same day (or year) added by another administrator at the same moment.
            return ConcurrentEditException.DefaultMessage;
        }

        calendars.Invalidate();
        audit.Record(actor, "calendar.day.save", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }

    public async Task RemoveDayAsync(DateOnly date, StaffActor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await db.CalendarDays.Where(d => d.Date == date).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        calendars.Invalidate();
        audit.Record(actor, "calendar.day.remove", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Marks a year as following the official notice (or back to provisional), with its source.</summary>
    public async Task<string?> SetSourceAsync(int year, string? source, bool isProvisional, StaffActor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        source = source?.Trim();
        if (string.IsNullOrEmpty(source))
            return "请填写日历的来源，例如国务院办公厅通知的名称。";
        if (source.Length > CalendarYear.MaxSourceLength)
            return $"来源不能超过 {CalendarYear.MaxSourceLength} 个字。";
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var info = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year, ct).ConfigureAwait(false);
        if (info is null)
            db.CalendarYears.Add(new CalendarYear { Year = year, Source = source, IsProvisional = isProvisional });
        else
            (info.Source, info.IsProvisional) = (source, isProvisional);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        audit.Record(actor, "calendar.year.source", year);
        return null;
    }

    private static void RequireAdmin(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(StaffRoles.Admin))
            throw new WorkflowAccessDeniedException("只有管理员可以维护工作日历。");
    }
}

public sealed record CalendarDayView(DateOnly Date, bool IsWorkingDay, string Name, int Version = 0);

/// <param name="Source">Where the days came from; null when the year was never seeded nor edited.</param>
/// <param name="IsProvisional">True until the official notice is entered (and for a year with no data).</param>
public sealed record CalendarYearView(int Year, string? Source, bool IsProvisional, IReadOnlyList<CalendarDayView> Days, int WorkingDayCount);
