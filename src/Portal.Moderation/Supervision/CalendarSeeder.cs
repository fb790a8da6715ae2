using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Supervision;

namespace Portal.Moderation.Supervision;

/// <summary>
/// Seeds each shipped year the table does not hold yet (on first start, and when a newer file adds a year).
/// A year already there is never overwritten: its days may have been edited by an administrator.
/// </summary>
public sealed partial class CalendarSeeder(IDbContextFactory<PortalDbContext> dbFactory, WorkingCalendarStore calendars, ILogger<CalendarSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var known = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct).ConfigureAwait(false);
        var added = 0;
        foreach (var year in HolidayCalendarFile.Load().Where(y => !known.Contains(y.Year)))
        {
            db.CalendarYears.Add(new CalendarYear { Year = year.Year, Source = year.Source, IsProvisional = year.IsProvisional });
            var taken = await db.CalendarDays.Where(d => d.Date >= new DateOnly(year.Year, 1, 1) && d.Date <= new DateOnly(year.Year, 12, 31))
                .Select(d => d.Date).ToListAsync(ct).ConfigureAwait(false);
            db.CalendarDays.AddRange(year.Days.Where(d => !taken.Contains(d.Date)));
            LogSeeded(logger, year.Year, year.IsProvisional);
            added++;
        }

        if (added == 0)
            return;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        calendars.Invalidate();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Working calendar {Year} seeded (provisional: {Provisional})")]
    private static partial void LogSeeded(ILogger logger, int year, bool provisional);
}
