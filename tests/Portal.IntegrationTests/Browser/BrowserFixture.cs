using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// The portal on a real Kestrel port and Debian's headless Chromium driven by Playwright (no browser download).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(new PortalAppFactory())
    {
    }

    /// <summary>A browser on <paramref name="app"/> (another configuration of the portal).</summary>
    protected BrowserFixture(PortalAppFactory app) => App = app;

    public PortalAppFactory App { get; }

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots of the journey are written, for a person to look at.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium");
        var port = FreePort();
        App.UseKestrel(port);
        App.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        Directory.CreateDirectory(ScreenshotDirectory);

        // Web-first assertions wait as long as actions do: a busy CI machine can take seconds per round trip.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, JavaScriptEnabled = javaScript, Locale = "zh-CN", ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in through the login form as <paramref name="userName"/> (demo password), on the staff workspace.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width: width, height: height);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", Portal.Moderation.Seeding.DemoDataSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/staff", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Clicks on a prerendered page are lost: wait until the staff page renders interactively.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The browser on a portal that trained and activated its first router model at start-up.</summary>
public sealed class RoutedBrowserFixture : BrowserFixture
{
    public RoutedBrowserFixture()
        : base(new RoutedPortalAppFactory())
    {
    }
}
