using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server has no network peer (its remote address is null). This startup filter, added by
/// factories that test per-IP behaviour, sets the peer from the <see cref="Header"/> header before anything of the
/// portal runs, as a socket would: the portal's own pipeline (trusted proxies, rate limits) then works unchanged.
/// </summary>
public sealed class TestPeerStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var peer))
                context.Connection.RemoteIpAddress = peer;
            context.Request.Headers.Remove(Header);
            return nextMiddleware(context);
        });
        next(app);
    };
}

public static class TestPeerClients
{
    /// <summary>A client whose requests arrive from <paramref name="peer"/> (cookies kept, redirects not followed).</summary>
    public static HttpClient ClientFrom(this WebApplicationFactory<Program> factory, string peer)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestPeerStartupFilter.Header, peer);
        return client;
    }
}
