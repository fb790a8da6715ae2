using System.Net;
using Portal.Data.Opinions;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Xss;

/// <summary>
/// Stored XSS (OWASP ASVS 1.2.1, 1.3.1): every vector, stored in every field that residents and staff write, comes
/// back as text on every public and staff page that shows those fields, as the server renders them: 30 pages by
/// GET plus the tracking form post, per vector.
/// </summary>
[Collection(StoredVectorsCollection.Name)]
public sealed class StoredXssSweepTests(StoredVectorsFixture fixture)
{
    public static TheoryData<int> Vectors() => [.. Enumerable.Range(0, XssVectors.All.Count)];

    /// <summary>Who looks, where, and whether the page must show this vector's records (lists may page them away).</summary>
    private static IEnumerable<(string? Role, string Url, bool MustShow)> Pages(StoredVectorSet s) =>
    [
        (null, "/", false),
        (null, "/published", false),
        (null, $"/published/{s.OpinionId}", true),
        (null, "/pledges", false),
        (null, "/pledges/board", false),
        (null, $"/pledges/{s.PledgeId}", true),
        (null, "/receptions", false),
        (null, $"/receptions/hosts/{s.HostId}", true),
        (null, $"/receptions/sessions/{s.SessionId}", true),
        (null, $"/receptions/sessions/{s.SessionId}/notice", true),
        (null, $"/page/{s.PageSlug}", true),
        (null, "/statistics", false),
        ("moderator", "/staff", false),
        ("moderator", "/staff/queue", false),
        ("moderator", "/staff/ledger", false),
        ("moderator", $"/staff/cases/{s.OpinionId}", true),
        ("moderator", $"/staff/cases/{s.InterviewOpinionId}", true),
        ("moderator", "/staff/pledges", false),
        ("moderator", "/staff/receptions", false),
        ("moderator", $"/staff/receptions/sessions/{s.SessionId}", true),
        ("moderator", $"/staff/receptions/sessions/{s.HeldSessionId}", true),
        ("moderator", "/staff/hot-issues", false),
        ("moderator", "/staff/supervision", false),
        (s.HandlerUserName, "/staff/inbox", false),
        (s.HandlerUserName, $"/staff/cases/{s.OpinionId}", true),
        ("leader", "/staff/overview", false),
        ("leader", "/staff/dashboard", false),
        ("admin", "/staff/admin/departments", true),
        ("admin", "/staff/admin/users", true),
        ("admin", "/staff/admin/pages", false),
    ];

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task StoredVector_IsRenderedAsText_OnEveryPublicAndStaffPage(int index)
    {
        var set = fixture.Sets[index];
        var clients = new Dictionary<string, HttpClient>();
        var failures = new List<string>();

        foreach (var (role, url, mustShow) in Pages(set))
        {
            var client = role is null ? fixture.Client() : clients.TryGetValue(role, out var c) ? c : clients[role] = await fixture.SignedInClientAsync(role);
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Check(failures, $"{role ?? "anonymous"} {url}", response.StatusCode, html, index, mustShow);
        }

        // The tracking page is a form post: the resident's own title, the answer and their rating comment.
        var tracked = await fixture.Client().PostFormAsync("/track", "track", [new("Code", TrackingCodes.Format(set.TrackingCode))]);
        Check(failures, "anonymous POST /track", tracked.StatusCode, await tracked.Content.ReadAsStringAsync(), index, mustShow: true);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void Check(List<string> failures, string page, HttpStatusCode status, string html, int index, bool mustShow)
    {
        if (status != HttpStatusCode.OK)
        {
            failures.Add($"{page}: {(int)status}");
            return;
        }

        if (mustShow && !html.Contains(XssVectors.Tag(index), StringComparison.Ordinal))
            failures.Add($"{page}: does not show the stored records, so it proves nothing");
        failures.AddRange(XssVectors.ScriptableParts(html).Select(part => $"{page}: {part}"));
    }
}
