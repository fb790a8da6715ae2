using System.Globalization;

namespace Portal.Web.Components.Pages.Staff.Admin.RoutingPanels;

/// <summary>How the routing pages write rates, scores and thresholds.</summary>
internal static class RoutingFormat
{
    public static string Percent(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string Score(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Threshold(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
