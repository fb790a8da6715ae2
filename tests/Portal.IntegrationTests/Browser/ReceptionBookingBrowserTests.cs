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
        await page.WaitForURLAsync(new Regex("/receptions/sessions/[0-9]+$"));
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

        // A click does not wait for the page it leads to: wait for the title to change, then to come back.
        await page.Locator("[data-testid=calendar-next]").ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-title")).Not.ToHaveTextAsync(title!);
        await page.Locator("[data-testid=calendar-prev]").ClickAsync();
        await Assertions.Expect(page.Locator("#calendar-title")).ToHaveTextAsync(title!);

        Assert.True(await page.Locator("table.calendar-grid a.calendar-session").CountAsync() > 0);
    }

    [Fact]
    public async Task Moderator_RecordsAConversation_AndRegistersItAsAnOpinion_ThatTheResidentTracks()
    {
        var heldId = (await browser.App.WithAsync<Portal.Moderation.Receptions.ReceptionQueries, IReadOnlyList<Portal.Moderation.Receptions.SessionListItem>>(
            q => q.AllFromAsync(DateTime.UtcNow.AddDays(-60)))).Last(s => s.Status == Portal.Data.Receptions.ReceptionSessionStatus.Held).Id;
        var staff = await browser.NewPageAsync();
        await staff.GotoAsync("/account/login");
        await staff.FillAsync("#username", "moderator");
        await staff.FillAsync("#password", Portal.Moderation.Seeding.DemoDataSeeder.DemoPassword);
        await staff.ClickAsync("button[type=submit]");
        await staff.WaitForURLAsync(new Regex("/staff"));

        await staff.GotoAsync($"/staff/receptions/sessions/{heldId}");
        await staff.Locator("[data-interactive=true]").WaitForAsync(); // clicks on the prerendered page are lost
        var form = staff.Locator("[data-testid=interview-form]");
        await form.GetByLabel("来访人姓名").FillAsync("曹淑芬");
        await form.GetByLabel("联系电话").FillAsync("13500003579");
        await form.GetByLabel("反映的问题").FillAsync("小区门口公交站撤了以后，老人去医院要走两公里。");
        await form.GetByLabel("领导批示").FillAsync("请交通局研究恢复站点或调整线路，两周内答复。");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存接谈记录" }).ClickAsync();
        var row = staff.Locator("[data-testid=interview-records] tr").Filter(new() { HasText = "曹淑芬" });
        await row.GetByRole(AriaRole.Button, new() { Name = "登记为意见" }).ClickAsync();
        await staff.Locator("[data-testid=interview-opinion-form]").GetByRole(AriaRole.Button, new() { Name = "登记为意见" }).ClickAsync();
        var receipt = staff.Locator("[data-testid=interview-receipt] b");
        await receipt.WaitForAsync();
        var code = (await receipt.TextContentAsync())!.Trim();
        Assert.Matches(CodePattern(), code);
        Assert.Equal(code, (await row.Locator("[data-testid=record-opinion-code]").TextContentAsync())!.Trim());
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reception-3-interview-record.png"), FullPage = true });

        var resident = await browser.NewPageAsync(javaScript: false);
        await resident.GotoAsync("/track");
        await resident.FillAsync("#code", code);
        await resident.ClickAsync("form:has(#code) button[type=submit]");
        await resident.GetByText("小区门口公交站撤了以后").First.WaitForAsync();
    }

    private static int PlacesLeft(string? tag) => int.Parse(PlacesPattern().Match(tag ?? "").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"余 (\d+) 个名额")]
    private static partial Regex PlacesPattern();
}
