using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Seeding;

namespace Portal.IntegrationTests.Reliability;

/// <summary>
/// A restart (or a second instance) reads the same Data Protection keys: staff stay signed in and forms
/// loaded before the restart can still be posted.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DataProtectionKeysTests(PortalAppFactory app) : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "portal-tests", "keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SignInCookieAndAntiforgeryToken_FromOneInstance_AreAcceptedByTheNextOverTheSameKeys()
    {
        using var before = Portal(_keys);
        using var after = Portal(_keys);
        var (cookies, formToken) = await SignInAndLoadAFormAsync(before);

        var staffHome = await SendAsync(after, HttpMethod.Get, "/staff/queue", cookies);
        var tracked = await SendAsync(after, HttpMethod.Post, "/track", cookies, Form(formToken));

        Assert.Equal(HttpStatusCode.OK, staffHome.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
    }

    [Fact]
    public async Task SignInCookieAndAntiforgeryToken_AreRefusedByAnInstanceWithOtherKeys()
    {
        using var before = Portal(_keys);
        using var stranger = Portal(_keys + "-other");
        var (cookies, formToken) = await SignInAndLoadAFormAsync(before);

        var staffHome = await SendAsync(stranger, HttpMethod.Get, "/staff/queue", cookies);
        var tracked = await SendAsync(stranger, HttpMethod.Post, "/track", cookies, Form(formToken));

        Assert.Equal(HttpStatusCode.Redirect, staffHome.StatusCode);
        Assert.Contains("/account/login", staffHome.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tracked.StatusCode);
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _keys, _keys + "-other" })
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    private WebApplicationFactory<Program> Portal(string keys) =>
        app.WithWebHostBuilder(b => b.UseSetting("DataProtection:KeysPath", keys));

    /// <summary>Signs in on the login form and loads the tracking form; returns the cookies and the form's token.</summary>
    private static async Task<(Dictionary<string, string> Cookies, string FormToken)> SignInAndLoadAFormAsync(WebApplicationFactory<Program> portal)
    {
        var cookies = new Dictionary<string, string>();
        var login = await SendAsync(portal, HttpMethod.Get, "/account/login", cookies);
        var token = FormClient.AntiforgeryToken(await login.Content.ReadAsStringAsync());
        var signedIn = await SendAsync(portal, HttpMethod.Post, "/account/login", cookies, new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "moderator",
            ["Input.Password"] = DemoDataSeeder.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("portal.staff", cookies.Keys);

        var form = await SendAsync(portal, HttpMethod.Get, "/track", cookies);
        return (cookies, FormClient.AntiforgeryToken(await form.Content.ReadAsStringAsync()));
    }

    private static Dictionary<string, string> Form(string token) => new()
    {
        ["_handler"] = "track",
        ["__RequestVerificationToken"] = token,
        ["Code"] = "AAAAA-AAAAA",
    };

    /// <summary>A request carrying exactly <paramref name="cookies"/>; cookies set by the answer are added to them.</summary>
    private static async Task<HttpResponseMessage> SendAsync(
        WebApplicationFactory<Program> portal, HttpMethod method, string url, Dictionary<string, string> cookies, Dictionary<string, string>? form = null)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, url);
        if (cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        if (form is not null)
            request.Content = new FormUrlEncodedContent(form);
        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }

        return response;
    }
}
