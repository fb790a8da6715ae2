using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// A resident's path in a real browser with JavaScript off: find an open session on the reception page, book a
/// place, keep the confirmation code, cancel with it — and browse the month calendar by its links.
/// </summary>
public sealed partial class ReceptionBookingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ResidentWithoutJavaScript_BooksASlot_GetsTheCode_AndCancelsByCode()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/receptions");
        var open = page.Locator("ul.list li").Filter(new() { HasText = "可预约" }).First;
        var placesBefore = PlacesLeft(await open.Locator(".tag.adopted").TextContentAsync());
        await open.Locator("a.title").ClickAsync();
        var sessionUrl = page.Url;

        await page.FillAsync("#name", "孙秀英");
        await page.FillAsync("#phone", "137 0000 2468");
        await page.FillAsync("#topic", "柳林村村口到小学那段路没有路灯，孩子放学天黑不安全。");
        await page.ClickAsync("button[type=submit]");

        var code = (await page.Locator("[data-testid=confirmation-code]").TextContentAsync())!.Trim();
        Assert.Matches(CodePattern(), code);
        Assert.Equal(placesBefore - 1, PlacesLeft(await page.Locator(".session-details .tag.adopted").TextContentAsync()));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reception-1-booked.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "取消预约" }).First.ClickAsync();
        await page.FillAsync("#code", code.ToLowerInvariant());
        await page.ClickAsync("button[type=submit]");
        await page.GetByText("预约已取消").First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reception-2-cancelled.png"), FullPage = true });

        await page.FillAsync("#code", code);
        await page.ClickAsync("button[type=submit]");
        await page.GetByText("已经取消").First.WaitForAsync();
        await page.GotoAsync(sessionUrl);
        Assert.Equal(placesBefore, PlacesLeft(await page.Locator(".session-details .tag.adopted").TextContentAsync()));
    }

    [Fact]
    public async Task ResidentWithoutJavaScript_BrowsesTheMonthCalendarByLinks()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/receptions");
        var title = await page.Locator("#calendar-title").TextContentAsync();

        await page.Locator("[data-testid=calendar-next]").ClickAsync();
        var next = await page.Locator("#calendar-title").TextContentAsync();
        await page.Locator("[data-testid=calendar-prev]").ClickAsync();

        Assert.NotEqual(title, next);
        Assert.Equal(title, await page.Locator("#calendar-title").TextContentAsync());
        Assert.True(await page.Locator("table.calendar-grid a.calendar-session").CountAsync() > 0);
    }

    private static int PlacesLeft(string? tag) => int.Parse(PlacesPattern().Match(tag ?? "").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"余 (\d+) 个名额")]
    private static partial Regex PlacesPattern();
}
