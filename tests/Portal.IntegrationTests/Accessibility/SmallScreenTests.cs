using Microsoft.Playwright;
using Portal.IntegrationTests.Browser;
using Portal.IntegrationTests.Security;

namespace Portal.IntegrationTests.Accessibility;

/// <summary>
/// The residents' pages on an old phone (360 px wide) and at 200 % zoom (a 1280 px window zoomed twice: 640 CSS px
/// at two device pixels each): nothing scrolls sideways and the form controls stay on screen. Screenshots of each
/// page land in the test output (screenshots/small-screen) for a person to look at.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class SmallScreenTests(BrowserFixture browser)
{
    public static TheoryData<string, int, int, float> Screens => new()
    {
        { "phone-360", 360, 740, 2f },
        { "zoom-200", 640, 450, 2f },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task ResidentsPages_FitTheScreen_WithoutSidewaysScrolling(string screen, int width, int height, float scale)
    {
        var ids = await browser.App.DemoIdsAsync();
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = width, Height = height },
            DeviceScaleFactor = scale, IsMobile = screen.StartsWith("phone", StringComparison.Ordinal), HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var directory = Path.Combine(BrowserFixture.ScreenshotDirectory, "small-screen");
        Directory.CreateDirectory(directory);
        var problems = new List<string>();

        foreach (var (name, url) in new[]
        {
            ("home", "/"), ("submit", "/opinions/new"), ("track", "/track"), ("published", "/published"),
            ("published-detail", $"/published/{ids.PublishedOpinion}"), ("statistics", "/statistics"), ("pledges", "/pledges"),
            ("pledge", $"/pledges/{ids.Pledge}"), ("pledge-board", $"/pledges/board?branch={Uri.EscapeDataString(ids.Branch)}"),
            ("receptions", "/receptions"), ("session", $"/receptions/sessions/{ids.Session}"), ("guide", "/page/guide"),
        })
        {
            await page.GotoAsync(url);
            var layout = await page.EvaluateAsync<Layout>("""
                () => {
                    const root = document.scrollingElement;
                    const offScreen = [...document.querySelectorAll('main input, main select, main textarea, main button, header a')]
                        .filter(el => el.type !== 'hidden' && el.offsetParent !== null && !el.closest('[aria-hidden=true]'))
                        .filter(el => { const r = el.getBoundingClientRect(); return r.width === 0 || r.left < -1 || r.right > window.innerWidth + 1; })
                        .map(el => el.outerHTML.slice(0, 80));
                    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offScreen };
                }
                """);
            if (layout.ScrollWidth > layout.ClientWidth + 1)
                problems.Add($"{url}: scrolls sideways ({layout.ScrollWidth} > {layout.ClientWidth} px)");
            problems.AddRange(layout.OffScreen.Select(c => $"{url}: off screen: {c}"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{screen}-{name}.png"), FullPage = true });
        }

        await context.CloseAsync();
        Assert.True(problems.Count == 0, $"At {width}×{height}:\n{string.Join("\n", problems)}");
    }

    private sealed record Layout
    {
        public int ScrollWidth { get; init; }

        public int ClientWidth { get; init; }

        public string[] OffScreen { get; init; } = [];
    }
}
