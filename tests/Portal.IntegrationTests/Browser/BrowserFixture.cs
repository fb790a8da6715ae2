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

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, JavaScriptEnabled = javaScript, Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

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
