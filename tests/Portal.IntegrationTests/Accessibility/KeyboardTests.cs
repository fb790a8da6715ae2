using Microsoft.Playwright;
using Portal.IntegrationTests.Browser;
using Portal.IntegrationTests.Security;

namespace Portal.IntegrationTests.Accessibility;

/// <summary>
/// A resident who cannot use a mouse: the opinion form filled and sent with Tab, typing, arrow keys, Space and
/// Enter only; a focus ring on whatever has the keyboard focus; a label on every field of the residents' forms.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed partial class KeyboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Resident_SubmitsAnOpinion_WithTheKeyboardOnly_AndGetsTheReceipt()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/opinions/new");

        // The first Tab reaches the skip link; Enter jumps past the header to the form.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到正文", await FocusedAsync(page, "el => el.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await FocusedAsync(page, "el => el.id"));

        await TabToAsync(page, "kind");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("Complaint", await page.InputValueAsync("#kind"));
        await TabToAsync(page, "title");
        await page.Keyboard.TypeAsync("东关社区菜市场门口积水");
        await TabToAsync(page, "body");
        await page.Keyboard.TypeAsync("每次下雨菜市场门口都积水，老人买菜要蹚水，希望疏通下水道。");
        await TabToAsync(page, "area");
        await page.Keyboard.TypeAsync("东关社区");
        // A complaint needs a name and a telephone number for the answer.
        await TabToAsync(page, "name");
        await page.Keyboard.TypeAsync("张桂兰");
        await TabToAsync(page, "contact");
        await page.Keyboard.TypeAsync("13800000000");
        // Consent to publish is ticked by default: Space clears it and ticks it again.
        await TabToAsync(page, "consent");
        await page.Keyboard.PressAsync("Space");
        Assert.False(await page.IsCheckedAsync("#consent"));
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsCheckedAsync("#consent"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("提交意见", await FocusedAsync(page, "el => el.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");

        var code = await page.Locator("[data-testid=tracking-code]").TextContentAsync();
        Assert.Matches(TrackingCode(), code!.Trim());
    }

    [Fact]
    public async Task FocusedLinksFieldsAndButtons_ShowAFocusRing()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/opinions/new");

        var seen = new List<string>();
        var missing = new List<string>();
        for (var i = 0; i < 40 && seen.Count < 25; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<FocusStyle?>("""
                () => {
                    const el = document.activeElement;
                    if (!el || el === document.body) return null;
                    const style = getComputedStyle(el);
                    return { name: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || '').trim().slice(0, 12),
                             outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0, boxShadow: style.boxShadow };
                }
                """);
            if (focused is null)
                continue;
            seen.Add(focused.Name);
            if (!focused.HasRing)
                missing.Add($"{focused.Name} (outline {focused.OutlineStyle} {focused.OutlineWidth}px, box-shadow {focused.BoxShadow})");
        }

        Assert.True(seen.Count >= 15, $"Tab reached only: {string.Join(", ", seen)}");
        Assert.True(missing.Count == 0, "No visible focus ring on: " + string.Join("; ", missing));
    }

    [Fact]
    public async Task EveryFieldOfTheResidentsForms_HasALabel()
    {
        var ids = await browser.App.DemoIdsAsync();
        var page = await browser.NewPageAsync(javaScript: false);
        var unlabelled = new List<string>();
        foreach (var url in new[]
        {
            "/opinions/new", "/track", "/published", "/pledges", $"/pledges/{ids.Pledge}", "/receptions",
            $"/receptions/sessions/{ids.Session}", "/receptions/cancel", "/account/login",
        })
        {
            await page.GotoAsync(url);
            var fields = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('input, select, textarea')]
                    .filter(f => f.type !== 'hidden' && !f.closest('[aria-hidden=true]'))
                    .filter(f => !(f.labels && f.labels.length) && !f.getAttribute('aria-label') && !f.getAttribute('aria-labelledby'))
                    .map(f => f.outerHTML.slice(0, 120))
                """);
            unlabelled.AddRange(fields.Select(f => $"{url}: {f}"));
        }

        Assert.True(unlabelled.Count == 0, "Fields without a label:\n" + string.Join("\n", unlabelled));
    }

    /// <summary>Presses Tab until the field with <paramref name="id"/> has the focus (and fails if it never does).</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 15; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedAsync(page, "el => el.id") == id)
                return;
        }

        Assert.Fail($"Tab never reached #{id}");
    }

    private static Task<string> FocusedAsync(IPage page, string expression) =>
        page.EvaluateAsync<string>($"() => ({expression})(document.activeElement)");

    private sealed record FocusStyle
    {
        public string Name { get; init; } = "";

        public string OutlineStyle { get; init; } = "";

        public double OutlineWidth { get; init; }

        public string BoxShadow { get; init; } = "";

        public bool HasRing => (OutlineStyle != "none" && OutlineWidth >= 2) || BoxShadow != "none";
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial System.Text.RegularExpressions.Regex TrackingCode();
}
