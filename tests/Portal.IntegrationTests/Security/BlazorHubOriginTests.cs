using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web;
using Portal.Web.Security;

namespace Portal.IntegrationTests.Security;

/// <summary>The Blazor hub refuses connections opened by pages of other sites (ASVS 3.5.x, 4.4.2).</summary>
[Collection(PortalCollection.Name)]
public sealed class BlazorHubOriginTests(PortalAppFactory app)
{
    private const string Negotiate = "/_blazor/negotiate?negotiateVersion=1";

    [Fact]
    public async Task Negotiate_FromAnotherOrigin_Answers403_AndIsAudited()
    {
        var client = await app.ClientAsync(Role.Moderator);

        using var response = await client.SendAsync(Request(HttpMethod.Post, Negotiate, "https://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("connectionToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(app.Logs.Entries, e => e.Category == SecurityAudit.Category && e.EventId.Id == 9010
            && e.Message.Contains("actor=moderator", StringComparison.Ordinal) && e.Message.Contains("/_blazor/negotiate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData(null)]
    public async Task Negotiate_FromTheSameOriginOrWithoutOrigin_Answers200(string? origin)
    {
        var client = await app.ClientAsync(Role.Moderator);

        using var response = await client.SendAsync(Request(HttpMethod.Post, Negotiate, origin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost:8080")]
    [InlineData("https://localhost")]
    [InlineData("null")]
    public async Task TheWebSocketEndpoint_FromAnotherOrigin_Answers403(string origin)
    {
        var client = await app.ClientAsync(Role.Anonymous);

        using var response = await client.SendAsync(Request(HttpMethod.Get, "/_blazor?id=forged", origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void AConfiguredOrigin_IsAllowed_OthersAreNot()
    {
        var services = new ServiceCollection()
            .AddSingleton(Options.Create(new PortalOptions { AllowedOrigins = ["https://yijian.example.gov.cn"] }))
            .BuildServiceProvider();
        HttpContext Context(string origin)
        {
            var context = new DefaultHttpContext { RequestServices = services };
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("portal.internal:8080");
            context.Request.Headers.Origin = origin;
            return context;
        }

        Assert.True(BlazorHubOriginCheck.IsAllowed(Context("https://yijian.example.gov.cn")));
        Assert.True(BlazorHubOriginCheck.IsAllowed(Context("http://portal.internal:8080")));
        Assert.False(BlazorHubOriginCheck.IsAllowed(Context("http://yijian.example.gov.cn")));
        Assert.False(BlazorHubOriginCheck.IsAllowed(Context("https://evil.example")));
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string? origin)
    {
        var request = new HttpRequestMessage(method, url);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return request;
    }
}
