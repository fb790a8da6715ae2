using System.Text.Json;
using Portal.Data.Supervision;

namespace Portal.Moderation.Supervision;

/// <summary>The official calendars shipped with the portal (Data/holiday-calendar-cn.json, embedded).</summary>
public static class HolidayCalendarFile
{
    private const string ResourceName = "Portal.Moderation.Supervision.Data.holiday-calendar-cn.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<ShippedYear> Load()
    {
        using var stream = typeof(HolidayCalendarFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize<FileModel>(stream, Json) ?? throw new InvalidOperationException("Empty holiday calendar file.");
        return [.. file.Years.Select(y => new ShippedYear(y.Year, y.Source, y.Provisional, Days(y)))];
    }

    private static List<CalendarDay> Days(YearModel year)
    {
        var days = new List<CalendarDay>();
        foreach (var holiday in year.Holidays)
        {
            for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                days.Add(CalendarDay.Create(day, false, holiday.Name));
        }

        days.AddRange(year.Workdays.Select(w => CalendarDay.Create(w.Date, true, w.Name)));
        if (days.Any(d => d.Date.Year != year.Year) || days.GroupBy(d => d.Date).Any(g => g.Count() > 1))
            throw new InvalidOperationException($"The shipped calendar of {year.Year} has a day outside the year or twice.");
        return days;
    }

    private sealed record FileModel(List<YearModel> Years);

    private sealed record YearModel(int Year, string Source, bool Provisional, List<HolidayModel> Holidays, List<WorkdayModel> Workdays);

    private sealed record HolidayModel(string Name, DateOnly From, DateOnly To);

    private sealed record WorkdayModel(string Name, DateOnly Date);
}

/// <summary>One year of the shipped file.</summary>
public sealed record ShippedYear(int Year, string Source, bool IsProvisional, IReadOnlyList<CalendarDay> Days);
