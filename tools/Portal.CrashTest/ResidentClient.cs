using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.CrashTest;

/// <summary>
/// A resident without JavaScript: loads the opinion form and posts it, antiforgery token included.
/// <paramref name="observe"/> sees the status and time of every response (the benchmark suite links this file).
/// </summary>
internal sealed partial class ResidentClient(Uri portal, int number, Action<ResidentResponse>? observe = null) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer() })
    {
        BaseAddress = portal,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private int _sent;

    /// <summary>Submits one opinion; returns the tracking code shown on the receipt, or null when none was shown.</summary>
    public async Task<string?> SubmitAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        string form;
        using (var page = await _http.GetAsync(new Uri("/opinions/new", UriKind.Relative), ct).ConfigureAwait(false))
        {
            form = await page.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            observe?.Invoke(new ResidentResponse(false, page.StatusCode, Stopwatch.GetElapsedTime(started)));
            page.EnsureSuccessStatusCode();
        }

        // Every hidden field a browser would post: the handler name, the antiforgery token, the submission key and
        // the bot trap's form stamp (the honeypot is a visible-to-bots text field and stays empty).
        var fields = HiddenInputPattern().Matches(form)
            .Select(input => (Name: NamePattern().Match(input.Value), Value: ValuePattern().Match(input.Value)))
            .Where(f => f.Name.Success)
            .GroupBy(f => WebUtility.HtmlDecode(f.Name.Groups[1].Value), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value is { Success: true } v ? WebUtility.HtmlDecode(v.Groups[1].Value) : "", StringComparer.Ordinal);
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["_handler"] = "submit-opinion",
            ["Model.Kind"] = "Suggestion",
            ["Model.Title"] = $"断电测试意见 {number}-{++_sent}",
            ["Model.Body"] = "崩溃测试：东关社区幸福路的路灯坏了一个多月，晚上出行很不方便，请尽快修理。",
            ["Model.Area"] = "东关社区",
            ["Model.ResidentName"] = "测试居民",
            ["Model.ResidentContact"] = "13800001234",
        })
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        started = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync(new Uri("/opinions/new", UriKind.Relative), content, ct).ConfigureAwait(false);
        var receipt = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        observe?.Invoke(new ResidentResponse(true, response.StatusCode, Stopwatch.GetElapsedTime(started)));
        var code = TrackingCodePattern().Match(receipt);
        return response.IsSuccessStatusCode && code.Success ? code.Groups[1].Value : null;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInputPattern();

    [GeneratedRegex("\\sname=\"([^\"]*)\"")]
    private static partial Regex NamePattern();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();

    [GeneratedRegex("data-testid=\"tracking-code\">([0-9A-Z]{5}-[0-9A-Z]{5})<")]
    private static partial Regex TrackingCodePattern();
}

/// <summary>One response a <see cref="ResidentClient"/> received: the form (GET) or the submission (POST).</summary>
internal readonly record struct ResidentResponse(bool IsSubmission, HttpStatusCode Status, TimeSpan Elapsed);
