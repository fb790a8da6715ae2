namespace Portal.Data.Supervision;

/// <summary>
/// One day that departs from the default rule (Monday to Friday work, Saturday and Sunday rest): a statutory
/// holiday or a day of the holiday arrangement (放假调休), or a swapped working day on a weekend (调休上班).
/// </summary>
public sealed class CalendarDay
{
    public const int MaxNameLength = 20;

    private CalendarDay()
    {
    }

    public DateOnly Date { get; private set; }

    public bool IsWorkingDay { get; private set; }

    /// <summary>E.g. 春节, 国庆节, 调休上班.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Concurrency token: bumped by every change, so that two administrators cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public static CalendarDay Create(DateOnly date, bool isWorkingDay, string name)
    {
        var day = new CalendarDay { Date = date };
        day.Change(isWorkingDay, name);
        return day;
    }

    public void Change(bool isWorkingDay, string name)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
            throw new ArgumentException("请填写名称，例如“春节”或“调休上班”。", nameof(name));
        if (name.Length > MaxNameLength)
            throw new ArgumentException($"名称不能超过 {MaxNameLength} 个字。", nameof(name));
        IsWorkingDay = isWorkingDay;
        Name = name;
        Version++;
    }

    /// <summary>Whether the day is a working day under the default rule alone.</summary>
    public static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}

/// <summary>Where the days of one year came from, and whether they are only provisional.</summary>
public sealed class CalendarYear
{
    public const int MaxSourceLength = 300;

    public int Year { get; set; }

    public required string Source { get; set; }

    /// <summary>True while the year holds only the statutory holidays computed ahead of the official notice.</summary>
    public bool IsProvisional { get; set; }
}
