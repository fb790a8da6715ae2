using Microsoft.Playwright;

namespace Portal.Bench.Browser;

/// <summary>
/// One signed-in staff member on an interactive page: its own browser context (the shared sign-in cookie, its own
/// Blazor circuit), open until disposed.
/// </summary>
internal sealed class StaffSession : IAsyncDisposable
{
    /// <summary>
    /// Clicks the tab with the given index and resolves with the milliseconds until the server's render marked it
    /// selected. Measured inside the page (performance.now), so Playwright's own round trips are not counted.
    /// </summary>
    private const string ClickTabScript = """
        index => new Promise((resolve, reject) => {
            const tab = document.querySelectorAll('.mud-tabs [role=tab]')[index];
            if (!tab) { reject(new Error('no tab ' + index)); return; }
            const selected = () => tab.getAttribute('aria-selected') === 'true';
            const started = performance.now();
            const observer = new MutationObserver(() => {
                if (!selected()) return;
                observer.disconnect();
                clearTimeout(timer);
                resolve(performance.now() - started);
            });
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error('tab ' + index + ' not selected after 30 s')); }, 30000);
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            tab.click();
        })
        """;

    private readonly IBrowserContext _context;
    private readonly IPage _page;

    private StaffSession(IBrowserContext context, IPage page)
    {
        _context = context;
        _page = page;
    }

    /// <summary>Opens <paramref name="path"/> and waits until its circuit renders interactively.</summary>
    public static async Task<StaffSession> OpenAsync(IBrowser browser, Uri baseUrl, string storageState, string path)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl.ToString(),
            StorageState = storageState,
            Locale = "zh-CN",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        var session = new StaffSession(context, await context.NewPageAsync());
        try
        {
            await session._page.GotoAsync(path);
            if (!new Uri(session._page.Url).AbsolutePath.StartsWith("/staff", StringComparison.Ordinal))
                throw new InvalidOperationException($"Opening /{path} as staff ended on {session._page.Url}: the sign-in did not carry over, or the account may not open this page.");
            // The staff layout marks itself data-interactive=true only when rendered by the circuit, not prerendered.
            await session._page.Locator("[data-interactive=true]").WaitForAsync();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Milliseconds from a click on tab <paramref name="index"/> to the re-rendered DOM.</summary>
    public Task<double> ClickTabAsync(int index) => _page.EvaluateAsync<double>(ClickTabScript, index);

    /// <summary>
    /// Leaves the page first: on page hide Blazor sends a beacon to /_blazor/disconnect, which ends the circuit now
    /// rather than keeping it for the disconnected-circuit retention period (three minutes, which would inflate the
    /// next heap measurement). The context is closed only once that beacon went out, or after a few seconds.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _context.RequestFinished += (_, request) =>
        {
            if (request.Url.Contains("/_blazor/disconnect", StringComparison.Ordinal))
                disconnected.TrySetResult();
        };
        try
        {
            await _page.GotoAsync("about:blank");
            await Task.WhenAny(disconnected.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        }
        catch (PlaywrightException)
        {
            // The page is already gone: the context is closed below either way.
        }
        await _context.CloseAsync();
    }
}
