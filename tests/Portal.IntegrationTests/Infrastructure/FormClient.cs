using System.Net;
using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>Posts server-rendered forms the way a browser without JavaScript does, antiforgery token included.</summary>
public static partial class FormClient
{
    public static async Task<string> GetStringOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="pageUrl"/>, takes its antiforgery token, and posts the named form with the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string formName, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await client.GetStringOkAsync(pageUrl);
        return await client.PostFormOfAsync(page, postUrl ?? pageUrl, formName, fields);
    }

    /// <summary>Posts the named form of a page already loaded (e.g. a form that appears only after another post).</summary>
    public static Task<HttpResponseMessage> PostFormOfAsync(this HttpClient client, string page, string postUrl, string formName, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(postUrl, new FormUrlEncodedContent(fields.Concat([new("_handler", formName), .. HiddenFields(page)])));

    /// <summary>
    /// The hidden fields a browser posts with every form of <paramref name="html"/>: the antiforgery token and, on
    /// residents' forms, the bot trap's form stamp (see <c>Portal.Web.Security.BotTrap</c>).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> HiddenFields(string html)
    {
        yield return new("__RequestVerificationToken", AntiforgeryToken(html));
        var stamp = FormStampPattern().Match(html);
        if (stamp.Success)
            yield return new(Portal.Web.Security.BotTrap.StampField, WebUtility.HtmlDecode(stamp.Groups[1].Value));
    }

    /// <summary>Signs in through the real login form; a client that handles cookies keeps the sign-in.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password) =>
        client.PostFormAsync("/account/login", "login", [new("Input.UserName", userName), new("Input.Password", password)]);

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static string TrackingCode(string html)
    {
        var match = TrackingCodePattern().Match(html);
        Assert.True(match.Success, "The receipt shows no tracking code.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"__FormStamp\" value=\"([^\"]+)\"")]
    private static partial Regex FormStampPattern();

    [GeneratedRegex("data-testid=\"tracking-code\">([0-9A-Z]{5}-[0-9A-Z]{5})<")]
    private static partial Regex TrackingCodePattern();
}
