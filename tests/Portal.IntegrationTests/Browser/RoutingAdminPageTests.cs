using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Moderation.Seeding;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// The routing admin page in a real browser, on a portal that trained its first model at start-up: the
/// administrator sees v1 in use and its evaluation, with the confusion matrix as a heat map.
/// </summary>
public sealed class RoutingAdminPageTests(RoutedBrowserFixture browser) : IClassFixture<RoutedBrowserFixture>
{
    [Fact]
    public async Task Admin_SeesTheFirstModelInUse_AndItsEvaluationHeatMap()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", DemoDataSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/staff"));

        await page.GotoAsync("/staff/admin/routing");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await page.GetByText("分类模型运行中：当前启用 v1").First.WaitForAsync();
        var row = page.Locator("tbody tr").Filter(new() { Has = page.Locator("td", new() { HasTextRegex = new Regex("^v1$") }) });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("启用中", (await row.Locator(".mud-chip").TextContentAsync())!.Trim());
        Assert.Equal(0, await row.GetByRole(AriaRole.Button, new() { Name = "启用", Exact = true }).CountAsync());

        await page.GetByText("评估：v1（启用中）").First.WaitForAsync();
        var heatMap = page.Locator("table.routing-confusion");
        await heatMap.WaitForAsync();
        Assert.Contains("行为实际部门", await heatMap.Locator("caption").TextContentAsync(), StringComparison.Ordinal);
        var labels = await heatMap.Locator("tbody th[scope=row]").CountAsync();
        Assert.Equal(7, labels); // the seed corpus's seven areas of work
        Assert.Equal(labels * labels, await heatMap.Locator("tbody td").CountAsync());
        Assert.Contains("background", await heatMap.Locator("tbody td").First.GetAttributeAsync("style") ?? "", StringComparison.Ordinal);

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "routing-admin.png"), FullPage = true });
    }
}
