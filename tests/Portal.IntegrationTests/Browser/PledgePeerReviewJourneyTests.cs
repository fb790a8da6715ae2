using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Moderation.Seeding;

namespace Portal.IntegrationTests.Browser;

/// <summary>A party member signs in, sees only their branch's pledges, and reviews a fellow member's pledge.</summary>
public sealed class PledgePeerReviewJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Title = "推动老旧小区加装电梯";

    [Fact]
    public async Task Member_ReviewsAFellowMembersPledge_InTheWorkspace()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "party-zhaolei");
        await page.FillAsync("#password", DemoDataSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/staff"));

        await page.GotoAsync("/staff/pledges");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        Assert.Equal(0, await page.GetByText("为村卫生室配齐常用药").CountAsync());
        await page.Locator("tr").Filter(new() { HasText = Title }).GetByRole(AriaRole.Button, new() { Name = "办理" }).ClickAsync();
        await page.Locator("[data-testid=evaluation-entries]").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "标记为已践诺" }).CountAsync());

        await page.Locator(".mud-select").Filter(new() { HasText = "等次" }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "合格" }).First.ClickAsync();
        await page.GetByLabel("评语（选填）").FillAsync("协商会开得扎实。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评议" }).ClickAsync();
        await page.GetByText("评议已提交").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "pledge-peer-review.png"), FullPage = true });

        var entries = await page.Locator("[data-testid=evaluation-entries]").TextContentAsync();
        Assert.Contains("赵磊", entries, StringComparison.Ordinal);
        Assert.Contains("协商会开得扎实。", entries, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "提交评议" }).CountAsync());
    }
}
