namespace Portal.Moderation.Analysis;

/// <summary>The periods a leader picks from on the dashboard.</summary>
public enum PeriodPreset
{
    ThisWeek = 1,
    ThisMonth = 2,
    LastMonth = 3,
    ThisQuarter = 4,
    ThisYear = 5,
    Custom = 6,
}

/// <summary>A run of whole local days, both ends included.</summary>
public sealed record DateRange
{
    /// <summary>The longest period the dashboard accepts (a custom range beyond it is refused).</summary>
    public const int MaxDays = 3 * 366;

    public DateRange(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new ArgumentException("结束日期不能早于开始日期。", nameof(to));
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw new ArgumentException("统计区间不能超过三年。", nameof(to));
        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length that ends the day before this one starts.</summary>
    public DateRange Previous() => new(From.AddDays(-Days), From.AddDays(-1));

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public override string ToString() => From == To ? $"{From:yyyy-MM-dd}" : $"{From:yyyy-MM-dd} 至 {To:yyyy-MM-dd}";
}

public static class PeriodPresets
{
    /// <summary>
    /// The range of a preset on local day <paramref name="today"/>. Periods that have begun end today (this
    /// week, month, quarter, year so far); last month is whole. Custom needs both dates.
    /// </summary>
    public static DateRange Resolve(PeriodPreset preset, DateOnly today, DateOnly? customFrom = null, DateOnly? customTo = null)
    {
        switch (preset)
        {
            case PeriodPreset.ThisWeek:
                return new DateRange(WeekStart(today), today);
            case PeriodPreset.ThisMonth:
                return new DateRange(new DateOnly(today.Year, today.Month, 1), today);
            case PeriodPreset.LastMonth:
                var firstOfThis = new DateOnly(today.Year, today.Month, 1);
                return new DateRange(firstOfThis.AddMonths(-1), firstOfThis.AddDays(-1));
            case PeriodPreset.ThisQuarter:
                return new DateRange(new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), today);
            case PeriodPreset.ThisYear:
                return new DateRange(new DateOnly(today.Year, 1, 1), today);
            case PeriodPreset.Custom:
                if (customFrom is not { } from || customTo is not { } to)
                    throw new ArgumentException("自定义区间需要开始和结束日期。");
                return new DateRange(from, to);
            default:
                throw new ArgumentOutOfRangeException(nameof(preset));
        }
    }

    /// <summary>The Monday of the week of <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Label(PeriodPreset preset) => preset switch
    {
        PeriodPreset.ThisWeek => "本周",
        PeriodPreset.ThisMonth => "本月",
        PeriodPreset.LastMonth => "上月",
        PeriodPreset.ThisQuarter => "本季度",
        PeriodPreset.ThisYear => "本年",
        PeriodPreset.Custom => "自定义",
        _ => preset.ToString(),
    };
}
