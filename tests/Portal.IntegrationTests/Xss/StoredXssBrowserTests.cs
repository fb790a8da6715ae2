using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Moderation.Seeding;

namespace Portal.IntegrationTests.Xss;

/// <summary>
/// The stored vectors in a real browser (Debian's Chromium): public pages and the interactive staff workspace load,
/// the circuit starts under the Content-Security-Policy, nothing violates it, and the sentinel <c>window.__xss</c>
/// stays unset.
/// </summary>
[Collection(StoredVectorsCollection.Name)]
public sealed partial class StoredXssBrowserTests(StoredVectorsFixture fixture)
{
    [Fact]
    public async Task StoredVectors_NeverRunInTheBrowser_AndTheStaffWorkspaceWorksUnderTheCsp()
    {
        var problems = new List<string>();
        var resident = await NewWatchedPageAsync(problems);
        foreach (var url in PublicPages())
            await VisitAsync(resident, url, problems);

        var moderator = await SignedInAsync("moderator", problems);
        foreach (var url in fixture.Sets.SelectMany(s => new[] { $"/staff/cases/{s.OpinionId}", $"/staff/cases/{s.InterviewOpinionId}" })
                     .Append($"/staff/receptions/sessions/{fixture.Sets[0].HeldSessionId}").Append("/staff/ledger"))
        {
            await VisitAsync(moderator, url, problems);
            // The circuit is up: blazor.web.js loaded and its WebSocket connected under the policy.
            await moderator.Locator("[data-interactive=true]").WaitForAsync();
            await AssertSentinelUnsetAsync(moderator, url, problems);
        }

        var admin = await SignedInAsync("admin", problems);
        foreach (var url in new[] { "/staff/admin/departments", "/staff/admin/users", "/staff/admin/pages" })
        {
            await VisitAsync(admin, url, problems);
            await admin.Locator("[data-interactive=true]").WaitForAsync();
            await AssertSentinelUnsetAsync(admin, url, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private IEnumerable<string> PublicPages() =>
        new[] { "/", "/published", "/pledges", "/pledges/board", "/receptions" }
            .Concat(fixture.Sets.SelectMany(s => new[]
            {
                $"/published/{s.OpinionId}", $"/pledges/{s.PledgeId}", $"/receptions/sessions/{s.SessionId}",
                $"/receptions/hosts/{s.HostId}", $"/page/{s.PageSlug}",
            }));

    /// <summary>A page whose console errors (CSP violations among them) and uncaught exceptions are collected.</summary>
    private async Task<IPage> NewWatchedPageAsync(List<string> problems)
    {
        var page = await fixture.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                problems.Add($"console {message.Type} on {page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"uncaught on {page.Url}: {error}");
        return page;
    }

    private async Task VisitAsync(IPage page, string url, List<string> problems)
    {
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        // Hover and focus every element once, for the vectors that wait for onmouseover/onfocus.
        await page.EvaluateAsync("() => document.querySelectorAll('body *').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); e.dispatchEvent(new FocusEvent('focus')); })");
        await AssertSentinelUnsetAsync(page, url, problems);
    }

    private static async Task AssertSentinelUnsetAsync(IPage page, string url, List<string> problems)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined' && typeof __xss === 'undefined'"))
            problems.Add($"the sentinel was set on {url}");
    }

    private async Task<IPage> SignedInAsync(string userName, List<string> problems)
    {
        var page = await NewWatchedPageAsync(problems);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DemoDataSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(StaffUrl());
        return page;
    }

    [GeneratedRegex("/staff")]
    private static partial Regex StaffUrl();
}
