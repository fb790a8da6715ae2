namespace Portal.Moderation.Analysis;

/// <summary>The figures of one period (see ADR-009 for every definition).</summary>
public sealed record PeriodFigures(
    int Received,
    int Registered,
    int Assigned,
    int Completed,
    int Published,
    int CompletedOnTime,
    int Replied,
    int Ratings,
    int SatisfiedRatings,
    double? MedianDays,
    double? P90Days,
    int Overdue)
{
    /// <summary>按期办结率: completed on or before the deadline in force at completion, over completed.</summary>
    public double? OnTimeRate => Rates.Ratio(CompletedOnTime, Completed);

    /// <summary>答复率: of the opinions completed in the period, the share whose answer has been published to the resident.</summary>
    public double? ReplyRate => Rates.Ratio(Replied, Completed);

    /// <summary>满意率: 满意 + 基本满意 over all ratings given in the period.</summary>
    public double? SatisfactionRate => Rates.Ratio(SatisfiedRatings, Ratings);
}

/// <summary>A period's figures and those of the previous period of the same length.</summary>
public sealed record DashboardFigures(DateRange Period, DateRange PreviousPeriod, PeriodFigures Current, PeriodFigures Previous);

/// <summary>How the volume chart groups days: by day up to a month, by week up to half a year, else by month.</summary>
public enum BucketSize
{
    Day = 1,
    Week = 2,
    Month = 3,
}

/// <summary>One line (or stacked bar series) of a chart: a name and one value per bucket.</summary>
public sealed record SeriesLine(string Name, IReadOnlyList<int> Values)
{
    public int Total => Values.Sum();
}

public sealed record VolumeSeries(BucketSize Bucket, IReadOnlyList<string> Labels, IReadOnlyList<SeriesLine> ByDepartment, IReadOnlyList<SeriesLine> ByKind);

public sealed record AreaCount(string Area, int Count);

public sealed record DepartmentSatisfaction(int? DepartmentId, string Department, int Satisfied, int BasicallySatisfied, int Dissatisfied)
{
    public int Total => Satisfied + BasicallySatisfied + Dissatisfied;

    public double? Rate => Rates.Ratio(Satisfied + BasicallySatisfied, Total);
}

/// <summary>One department in the ranking table (排名通报), with its composite score (ADR-009).</summary>
public sealed record DepartmentRankingRow(
    int Rank,
    int DepartmentId,
    string Department,
    int Received,
    int Completed,
    int CompletedOnTime,
    double? SatisfactionRate,
    int Ratings,
    int OpenNow,
    int OverdueNow,
    double? Score)
{
    public double? OnTimeRate => Rates.Ratio(CompletedOnTime, Completed);
}

public sealed record DepartmentOption(int Id, string Name);

/// <summary>Everything the dashboard shows for one filter, and how long the server took to compute it.</summary>
public sealed record DashboardView(
    StatisticsFilter Filter,
    DashboardFigures Figures,
    VolumeSeries Volume,
    IReadOnlyList<AreaCount> TopAreas,
    IReadOnlyList<DepartmentSatisfaction> Satisfaction,
    IReadOnlyList<DepartmentRankingRow> Ranking,
    TimeSpan ServerTime);

/// <summary>One month on the public statistics page.</summary>
public sealed record MonthFigures(int Year, int Month, int Received, int Completed, int CompletedOnTime)
{
    public double? OnTimeRate => Rates.Ratio(CompletedOnTime, Completed);

    public string Label => $"{Year}年{Month}月";
}

/// <summary>The public statistics page (no personal data): months and departments over the last twelve months.</summary>
public sealed record PublicStatistics(DateRange Period, IReadOnlyList<MonthFigures> Months, IReadOnlyList<DepartmentRankingRow> Departments, PeriodFigures Totals, DateTime ComputedAt);
