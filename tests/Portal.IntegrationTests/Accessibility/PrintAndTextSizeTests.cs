using Microsoft.Playwright;
using Portal.IntegrationTests.Browser;
using Portal.IntegrationTests.Security;

namespace Portal.IntegrationTests.Accessibility;

/// <summary>
/// The public notices on paper (reception notice, pledge board, published answer) and the large-text option
/// (大字版) for elderly readers, both without JavaScript.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class PrintAndTextSizeTests(BrowserFixture browser)
{
    [Fact]
    public async Task PublicNotices_Printed_ShowTheContent_WithoutNavigationFormsOrButtons()
    {
        var ids = await browser.App.DemoIdsAsync();
        var page = await browser.NewPageAsync(javaScript: false);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var problems = new List<string>();

        foreach (var (url, content) in new[]
        {
            ($"/receptions/sessions/{ids.Session}/notice", "main h1"),
            ($"/receptions/sessions/{ids.Session}", "main h1"),
            ($"/pledges/board?branch={Uri.EscapeDataString(ids.Branch)}", ".pledge-board table"),
            ($"/published/{ids.PublishedOpinion}", ".reply"),
        })
        {
            await page.GotoAsync(url);
            if (!await page.Locator(content).First.IsVisibleAsync())
                problems.Add($"{url}: {content} is not printed");
            foreach (var hidden in new[] { "header nav", ".text-size", ".skip-link", "footer", "main form", "main button", ".btn" })
            {
                var shown = await page.Locator(hidden).EvaluateAllAsync<int>("els => els.filter(e => e.getClientRects().length > 0).length");
                if (shown > 0)
                    problems.Add($"{url}: {shown} × {hidden} printed");
            }

            var colours = await page.EvaluateAsync<string[]>("() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]");
            if (colours[0] != "rgb(0, 0, 0)" || colours[1] is not ("rgb(255, 255, 255)" or "rgba(0, 0, 0, 0)"))
                problems.Add($"{url}: printed in {colours[0]} on {colours[1]}, not black on white");
        }

        var pdf = await page.PdfAsync(new() { Format = "A4" });
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "published-answer.pdf"), pdf);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(pdf.Length > 1000, "The published answer prints to an empty PDF.");
    }

    [Fact]
    public async Task LargeTextLink_WithoutJavaScript_MakesTheTextLarger_AndTheSecondLinkRestoresIt()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/opinions/new");
        var standard = await TextSizeAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "大字版" }).ClickAsync();
        await LoadedAsync(page, "/opinions/new");
        var large = await TextSizeAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "large-text-submit.png") });

        await page.GotoAsync("/published");
        Assert.Equal(large.Body, (await TextSizeAsync(page)).Body);
        await page.GetByRole(AriaRole.Link, new() { Name = "标准字号" }).ClickAsync();
        await LoadedAsync(page, "/published");
        await page.GotoAsync("/opinions/new");
        var restored = await TextSizeAsync(page);

        Assert.True(standard.Body >= 16, $"Standard text is {standard.Body} px");
        Assert.True(large.Body >= standard.Body * 1.2, $"Large text is {large.Body} px against {standard.Body} px");
        Assert.True(large.Button > standard.Button, $"Buttons stay {large.Button} px high");
        Assert.Equal(standard, restored);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "大字版" }).IsVisibleAsync());
    }

    /// <summary>
    /// Waits until the click's redirect has brought the browser back to <paramref name="path"/> and the page has
    /// loaded with its stylesheets (a click does not wait for that; measuring earlier reads the old size).
    /// </summary>
    private static Task LoadedAsync(IPage page, string path) =>
        page.WaitForURLAsync(url => url.EndsWith(path, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Load });

    private static Task<TextSize> TextSizeAsync(IPage page) =>
        page.EvaluateAsync<TextSize>("""
            () => ({ body: parseFloat(getComputedStyle(document.body).fontSize),
                     button: Math.round(document.querySelector('main .btn, main button')?.getBoundingClientRect().height ?? 0) })
            """);

    private sealed record TextSize
    {
        public double Body { get; init; }

        public double Button { get; init; }
    }
}
