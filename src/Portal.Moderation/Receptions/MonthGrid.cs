namespace Portal.Moderation.Receptions;

/// <summary>
/// A month as a calendar grid for the public page: whole weeks from Monday to Sunday, days of the neighbouring
/// months included (marked) so every row has seven cells, each day with its sessions in start order.
/// </summary>
public sealed record MonthGrid(int Year, int Month, IReadOnlyList<IReadOnlyList<MonthGridDay>> Weeks)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public string Title => $"{Year} 年 {Month} 月";

    public (int Year, int Month) Previous => Month == 1 ? (Year - 1, 12) : (Year, Month - 1);

    public (int Year, int Month) Next => Month == 12 ? (Year + 1, 1) : (Year, Month + 1);

    public static MonthGrid Build(int year, int month, IEnumerable<SessionListItem> sessions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var byDay = sessions.GroupBy(s => DateOnly.FromDateTime(s.StartsLocal))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SessionListItem>)[.. g.OrderBy(s => s.StartsAtUtc)]);
        var first = new DateOnly(year, month, 1);
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7)); // back to Monday
        var last = first.AddMonths(1).AddDays(-1);
        var weeks = new List<IReadOnlyList<MonthGridDay>>();
        for (var weekStart = start; weekStart <= last; weekStart = weekStart.AddDays(7))
        {
            weeks.Add([.. Enumerable.Range(0, 7).Select(i => weekStart.AddDays(i)).Select(d =>
                new MonthGridDay(d, d.Month == month, d == today, byDay.GetValueOrDefault(d, [])))]);
        }

        return new MonthGrid(year, month, weeks);
    }

    /// <summary>Reads "yyyy-MM" from a query string; null when absent or not a sensible month.</summary>
    public static (int Year, int Month)? Parse(string? value)
    {
        if (value is not { Length: 7 } || value[4] != '-'
            || !int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(value.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
            || y is < MinYear or > MaxYear || m is < 1 or > 12)
            return null;
        return (y, m);
    }

    public static string Format(int year, int month) => $"{year:0000}-{month:00}";
}

public sealed record MonthGridDay(DateOnly Date, bool InMonth, bool IsToday, IReadOnlyList<SessionListItem> Sessions);
