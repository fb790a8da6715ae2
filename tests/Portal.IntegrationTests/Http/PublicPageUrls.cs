using Portal.IntegrationTests.Infrastructure;
using Portal.IntegrationTests.Security;

namespace Portal.IntegrationTests.Http;

/// <summary>The residents' read pages on the demo data: those the output cache keeps, and those with a visitor's form.</summary>
public static class PublicPageUrls
{
    /// <summary>Every output-cached page (ADR-018), with and without list filters.</summary>
    public static async Task<IReadOnlyList<string>> CachedAsync(PortalAppFactory app)
    {
        var ids = await DemoIds.LoadAsync(app);
        var branch = Uri.EscapeDataString(ids.Branch);
        return
        [
            "/", "/published", "/published?kind=Complaint&adoption=Adopted&page=1", $"/published?dept={ids.HealthDepartment}&q=" + Uri.EscapeDataString("医院"),
            "/published?month=" + DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            $"/published/{ids.PublishedOpinion}", "/statistics", "/pledges", "/pledges?year=" + DateTime.UtcNow.Year, "/pledges/board",
            $"/pledges/board?branch={branch}", "/receptions", $"/receptions/hosts/{ids.Host}", $"/receptions/studios/{ids.Studio}",
            $"/receptions/sessions/{ids.Session}/notice", "/page/guide",
        ];
    }

    /// <summary>The public pages that hold a visitor's form (never cached), as a resident first opens them.</summary>
    public static async Task<IReadOnlyList<string>> WithFormsAsync(PortalAppFactory app)
    {
        var ids = await DemoIds.LoadAsync(app);
        return [$"/published/{ids.PublishedOpinion}?support=1", $"/pledges/{ids.Pledge}", $"/receptions/sessions/{ids.Session}", "/track", "/opinions/new"];
    }
}
