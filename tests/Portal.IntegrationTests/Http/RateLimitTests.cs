using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web;
using Portal.Web.Security;

namespace Portal.IntegrationTests.Http;

/// <summary>
/// The portal with every per-IP limit at <see cref="Limit"/> posts per window, one trusted proxy at
/// <see cref="Proxy"/>, and requests arriving from the address each test chooses (see <see cref="TestPeerStartupFilter"/>).
/// </summary>
public sealed class RateLimitedAppFactory : PortalAppFactory
{
    public const int Limit = 2;
    public const string Proxy = "10.0.0.1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var limit in typeof(RateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(int)))
            builder.UseSetting($"{RateLimitOptions.SectionName}:{limit.Name}", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("TrustedProxies:Proxies:0", Proxy);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestPeerStartupFilter>());
    }
}

public sealed class RateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    private static int _nextPeer;

    [Theory]
    [MemberData(nameof(ResidentWrites.Names), MemberType = typeof(ResidentWrites))]
    public async Task EachAnonymousWriteAndLogin_BeyondItsLimit_Gets429_WithRetryAfter_AChineseMessage_AndAnAuditLine(string write)
    {
        var peer = NewPeer();
        var client = app.ClientFrom(peer);
        var form = await ResidentWrites.ForAsync(app, write);
        // The form as first rendered, posted again and again (after a support the page shows no form any more).
        var hidden = FormClient.HiddenFields(await client.GetStringOkAsync(form.PageUrl)).ToList();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= RateLimitedAppFactory.Limit; i++)
        {
            last = await client.PostAsync(form.PageUrl, new FormUrlEncodedContent([new("_handler", form.FormName), .. hidden, .. form.Fields]));
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.SkipLast(1), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var retryAfter = last!.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        var page = await last.Content.ReadAsStringAsync();
        Assert.Contains("过于频繁", page, StringComparison.Ordinal);
        Assert.Contains("后再试", page, StringComparison.Ordinal);
        var policy = write == "rate" ? "tracking" : write;
        Assert.Contains(app.Logs.Entries, e => e.Category == SecurityAudit.Category && e.EventId.Id == 9005
            && e.Message.Contains($"ip={peer} path={form.Path} policy={policy}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_AreNeverLimited()
    {
        var client = app.ClientFrom(NewPeer());

        for (var i = 0; i < RateLimitedAppFactory.Limit * 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/track")).StatusCode);
    }

    [Fact]
    public async Task TheLimit_IsKeptPerClientAddress()
    {
        var first = app.ClientFrom(NewPeer());
        await ExhaustTrackingLimitAsync(first);

        var other = await TrackAsync(app.ClientFrom(NewPeer()));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await TrackAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task AddressesOfOneIpv6Network_ShareALimit()
    {
        await ExhaustTrackingLimitAsync(app.ClientFrom("2001:db8:5:7::1"));

        var sameNetwork = await TrackAsync(app.ClientFrom("2001:db8:5:7:abcd::2"));
        var otherNetwork = await TrackAsync(app.ClientFrom("2001:db8:5:8::1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, sameNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherNetwork.StatusCode);
    }

    [Fact]
    public async Task ASpoofedForwardedFor_FromAnUnknownPeer_IsIgnored_SoItCannotDodgeTheLimit()
    {
        var peer = NewPeer();
        var client = app.ClientFrom(peer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedAppFactory.Limit; i++)
            statuses.Add((await TrackAsync(client, forwardedFor: $"192.0.2.{100 + i}")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains(app.Logs.Entries, e => e.EventId.Id == 9005 && e.Message.Contains($"ip={peer} ", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.EventId.Id == 9005 && e.Message.Contains("ip=192.0.2.10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardedFor_FromTheKnownProxy_IsHonoured_SoEachClientBehindItHasItsOwnLimit()
    {
        var client = app.ClientFrom(RateLimitedAppFactory.Proxy);
        await ExhaustTrackingLimitAsync(client, forwardedFor: "192.0.2.1");

        var sameResident = await TrackAsync(client, forwardedFor: "192.0.2.1");
        var otherResident = await TrackAsync(client, forwardedFor: "192.0.2.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, sameResident.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherResident.StatusCode);
        Assert.Contains(app.Logs.Entries, e => e.EventId.Id == 9005 && e.Message.Contains("ip=192.0.2.1 ", StringComparison.Ordinal));
    }

    private static string NewPeer() => $"198.51.100.{Interlocked.Increment(ref _nextPeer)}";

    private static async Task ExhaustTrackingLimitAsync(HttpClient client, string? forwardedFor = null)
    {
        for (var i = 0; i < RateLimitedAppFactory.Limit; i++)
            Assert.Equal(HttpStatusCode.OK, (await TrackAsync(client, forwardedFor)).StatusCode);
    }

    /// <summary>A tracking look-up posted from the client, optionally through a proxy that names the resident.</summary>
    private static async Task<HttpResponseMessage> TrackAsync(HttpClient client, string? forwardedFor = null)
    {
        var page = await client.GetStringOkAsync("/track");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/track")
        {
            Content = new FormUrlEncodedContent([new("_handler", "track"), new("Code", "AAAAA-AAAAA"), .. FormClient.HiddenFields(page)]),
        };
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }
}
