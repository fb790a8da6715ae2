using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Data;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// A resident, with JavaScript off, opens a pledge of this year's open evaluation round, rates it and sees the
/// distribution of ratings change; coming back, the page says the device has rated.
/// </summary>
public sealed class PledgeRatingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Title = "开设“四点半课堂”";

    [Fact]
    public async Task ResidentWithoutJavaScript_RatesAPledge_AndSeesTheDistributionUpdate()
    {
        var id = await browser.App.WithAsync<IDbContextFactory<PortalDbContext>, int>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Pledges.Where(p => p.Title == Title).Select(p => p.Id).SingleAsync();
        });
        var page = await browser.NewPageAsync(javaScript: false);

        await page.GotoAsync("/pledges");
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/pledges/{id}", StringComparison.Ordinal));
        var satisfiedBefore = await CountAsync(page, "Satisfied");
        var basicallyBefore = await CountAsync(page, "BasicallySatisfied");
        var totalBefore = await TotalAsync(page);

        await page.GetByLabel("基本满意").CheckAsync();
        await page.FillAsync("#comment", "孩子放学有人管了，希望暑假也能开。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await page.GetByText("感谢您的评价！").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "pledge-rated.png"), FullPage = true });

        Assert.Equal(satisfiedBefore, await CountAsync(page, "Satisfied"));
        Assert.Equal(basicallyBefore + 1, await CountAsync(page, "BasicallySatisfied"));
        Assert.Equal(totalBefore + 1, await TotalAsync(page));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).CountAsync());

        await page.GotoAsync($"/pledges/{id}");
        await page.GetByText("您已评价过该承诺，感谢您的参与。").WaitForAsync();
        Assert.Equal(basicallyBefore + 1, await CountAsync(page, "BasicallySatisfied"));
    }

    /// <summary>The count in "N 人（P%）" of one level of the distribution.</summary>
    private static async Task<int> CountAsync(IPage page, string rating)
    {
        var cell = page.Locator($"td[data-rating={rating}]");
        if (await cell.CountAsync() == 0)
            return 0;
        var text = (await cell.TextContentAsync())!;
        return int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> TotalAsync(IPage page)
    {
        var caption = page.Locator("table.distribution caption");
        if (await caption.CountAsync() == 0)
            return 0;
        var digits = new string((await caption.TextContentAsync())!.Where(char.IsAsciiDigit).ToArray());
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
