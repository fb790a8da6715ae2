using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// A person's whole path in a real browser: a resident without JavaScript submits and tracks an opinion;
/// a moderator registers and assigns it; the department's handler accepts and completes it; the moderator
/// publishes it; the resident reads the answer and rates it.
/// </summary>
public sealed partial class OpinionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Title = "柳林村村口路灯坏了三个月";

    [Fact]
    public async Task ResidentWithoutJavaScript_AndStaff_TakeAnOpinionFromSubmissionToRatedAnswer()
    {
        // 1. The resident submits with JavaScript off and keeps the tracking code.
        var resident = await browser.NewPageAsync(javaScript: false);
        await resident.GotoAsync("/opinions/new");
        await resident.SelectOptionAsync("#kind", "HelpRequest");
        await resident.FillAsync("#title", Title);
        await resident.FillAsync("#body", "柳林村村口到小学那段路的三盏路灯坏了三个月，孩子放学天已经黑了，很不安全。电话 13700001111。");
        await resident.FillAsync("#area", "柳林村");
        await resident.FillAsync("#name", "孙秀英");
        await resident.FillAsync("#contact", "13700001111");
        await resident.ClickAsync("button[type=submit]");
        var code = (await resident.Locator("[data-testid=tracking-code]").TextContentAsync())!.Trim();
        Assert.Matches(CodePattern(), code);
        await Screenshot(resident, "1-receipt");

        await TrackAsync(resident, code);
        Assert.Equal("已提交，等待受理", await resident.Locator("[data-testid=status]").TextContentAsync());

        // 2. The moderator registers it and assigns it to the transport department.
        var moderator = await browser.SignedInPageAsync("moderator");
        await moderator.GotoAsync("/staff/queue");
        await BrowserFixture.WaitForCircuitAsync(moderator);
        await moderator.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync();
        await BrowserFixture.WaitForCircuitAsync(moderator);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "受理登记" }).ClickAsync();
        await moderator.Locator(".mud-select").Filter(new() { HasText = "承办部门" }).First.ClickAsync();
        await moderator.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "县交通运输局" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        await Expect(moderator.GetByText("当前状态下您没有需要办理的操作"));
        await Screenshot(moderator, "2-assigned");
        var caseUrl = moderator.Url;

        // 3. The handler of that department accepts and completes it.
        var handler = await browser.SignedInPageAsync("handler-transport");
        await handler.GotoAsync(caseUrl);
        await BrowserFixture.WaitForCircuitAsync(handler);
        await handler.GetByRole(AriaRole.Button, new() { Name = "签收办理" }).ClickAsync();
        await FillAsync(handler.GetByLabel("办理情况（内部记录）"), "与电力公司现场查看，更换灯头三只。");
        await FillAsync(handler.GetByLabel("答复群众的内容"), "您反映的柳林村村口路灯问题，我局已会同供电所于次日修复，三盏路灯均已恢复照明。");
        await handler.Locator(".mud-select").Filter(new() { HasText = "采纳情况" }).First.ClickAsync();
        await handler.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "采纳" }).First.ClickAsync();
        await Assertions.Expect(handler.GetByTestId("adoption")).ToHaveTextAsync("采纳");
        await FillAsync(handler.GetByLabel("签发领导"), "副局长 孙强");
        await Screenshot(handler, "3-completing");
        var complete = handler.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true });
        await Assertions.Expect(complete).ToBeEnabledAsync();
        await complete.ClickAsync();
        await Expect(handler.GetByText("当前状态下您没有需要办理的操作"));

        // 4. The moderator reviews the masked public version and publishes it.
        await moderator.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(moderator);
        var publicBody = moderator.GetByLabel("公开的意见内容");
        await Expect(publicBody);
        Assert.Contains("137****1111", await publicBody.InputValueAsync(), StringComparison.Ordinal);
        await Screenshot(moderator, "4-publishing");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "公开答复" }).ClickAsync();
        await Expect(moderator.GetByText("当前状态下您没有需要办理的操作"));

        // 5. The resident reads the answer and rates it, still without JavaScript.
        await TrackAsync(resident, code);
        Assert.Equal("已答复", await resident.Locator("[data-testid=status]").TextContentAsync());
        Assert.Contains("三盏路灯均已恢复照明", await resident.Locator(".reply").TextContentAsync(), StringComparison.Ordinal);
        await resident.CheckAsync("input[name='Rating.Rating'][value=Satisfied]");
        await resident.ClickAsync("form:has(input[name='Rating.Code']) button[type=submit]");
        await Expect(resident.GetByText("感谢您的评价！"));
        await Screenshot(resident, "5-rated");

        // And the public list shows it, masked.
        await resident.GotoAsync("/published?q=" + Uri.EscapeDataString("路灯坏了三个月"));
        await resident.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await resident.WaitForURLAsync(DetailUrl());
        var detail = await resident.ContentAsync();
        Assert.DoesNotContain("13700001111", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("孙秀英", detail, StringComparison.Ordinal);
        await Screenshot(resident, "6-published");
    }

    [Fact]
    public async Task Moderator_MergesADuplicate_PickedFromTheSearchDialog_AndItsResidentIsTold()
    {
        var original = await SubmitAsync("北苑社区东门污水井盖缺失");
        var duplicate = await SubmitAsync("东门那边的下水道井盖没了");

        var moderator = await browser.SignedInPageAsync("moderator");
        await moderator.GotoAsync($"/staff/cases/{duplicate.OpinionId}");
        await BrowserFixture.WaitForCircuitAsync(moderator);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "合并到已有意见" }).ClickAsync();
        await moderator.GetByLabel("按标题或地区查找").FillAsync("污水井盖");
        await moderator.Locator(".mud-dialog .mud-list-item").Filter(new() { HasText = "北苑社区东门污水井盖缺失" }).ClickAsync();
        await moderator.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "合并", Exact = true }).ClickAsync();
        await Expect(moderator.GetByText("合并到"));
        Assert.Contains(Portal.Data.Opinions.TrackingCodes.Format(original.TrackingCode), await moderator.ContentAsync(), StringComparison.Ordinal);
        await Screenshot(moderator, "7-merged");

        var resident = await browser.NewPageAsync(javaScript: false);
        await TrackAsync(resident, duplicate.TrackingCode);
        Assert.Equal("已提交，等待受理", await resident.Locator("[data-testid=status]").TextContentAsync());
        await Expect(resident.GetByText("合并办理"));
    }

    private Task<Portal.Moderation.Opinions.SubmissionReceipt> SubmitAsync(string title) =>
        browser.App.WithAsync<Portal.Moderation.Opinions.OpinionWorkflowService, Portal.Moderation.Opinions.SubmissionReceipt>(w => w.SubmitAsync(
            new Portal.Moderation.Opinions.SubmitOpinionInput { Kind = Portal.Data.Opinions.OpinionKind.Suggestion, Title = title, Body = "北苑社区东门的井盖已经丢了好几天，晚上路过很危险。", Area = "北苑社区" },
            Portal.Data.Opinions.OpinionChannel.OpinionBox, null));

    private static async Task TrackAsync(IPage page, string code)
    {
        await page.GotoAsync("/track");
        await page.FillAsync("#code", code);
        await page.ClickAsync("form:has(#code) button[type=submit]");
    }

    private static Task Expect(ILocator locator) => locator.First.WaitForAsync();

    /// <summary>Fills a field and waits until the page shows what was typed.</summary>
    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await Assertions.Expect(field).ToHaveValueAsync(value);
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    [GeneratedRegex("^[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("/published/[0-9]+$")]
    private static partial Regex DetailUrl();
}
