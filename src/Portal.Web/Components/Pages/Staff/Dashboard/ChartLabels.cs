namespace Portal.Web.Components.Pages.Staff.Dashboard;

/// <summary>Axis labels for charts with many buckets: keeps about a dozen so they stay readable.</summary>
internal static class ChartLabels
{
    public const int MaxShown = 12;

    public static string[] Thin(IReadOnlyList<string> labels)
    {
        var step = (int)Math.Ceiling(labels.Count / (double)MaxShown);
        return [.. labels.Select((label, i) => step <= 1 || i % step == 0 ? label : "")];
    }
}
