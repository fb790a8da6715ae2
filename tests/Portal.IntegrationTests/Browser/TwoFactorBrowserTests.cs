using System.Text.RegularExpressions;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.IntegrationTests.Security;

namespace Portal.IntegrationTests.Browser;

/// <summary>
/// An administrator without two-factor, inside the interactive workspace, follows the 系统管理 menu: the portal
/// sends them to enrol; the QR code shows, a code from the key completes it, and the admin page opens.
/// </summary>
public sealed class TwoFactorBrowserTests(SecureBrowserFixture browser) : IClassFixture<SecureBrowserFixture>
{
    [Fact]
    public async Task AnAdminFollowingTheAdminMenu_IsSentToEnrol_AndAfterEnrollingReachesThePage()
    {
        var userName = await StaffAccounts.CreateAsync(browser.App, StaffRoles.Admin, "browser");
        var page = await browser.NewPageAsync();
        // Three full page loads and two circuits: on a shared 2-core machine one step can take long.
        page.SetDefaultTimeout(45_000);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", StaffAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/staff"));
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await page.GetByText("工作人员账号").ClickAsync();
        await page.Locator("[data-testid=authenticator-key]").WaitForAsync();
        var enrolmentUrl = new Uri(page.Url).PathAndQuery;
        var qrWidth = await page.Locator("img[alt=验证器二维码]").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        var key = (await page.Locator("[data-testid=authenticator-key]").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "two-factor-enrolment.png"), FullPage = true });
        await page.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-testid=recovery-codes] li").First.WaitForAsync();
        var recoveryCodes = await page.Locator("[data-testid=recovery-codes] li").CountAsync();
        await page.GetByText("我已保存，继续").ClickAsync();
        await page.WaitForURLAsync(new Regex("/staff/admin/users$"));
        await page.Locator("[data-interactive=true]").WaitForAsync();

        Assert.Equal("/account/two-factor?returnUrl=%2Fstaff%2Fadmin%2Fusers", enrolmentUrl);
        Assert.True(qrWidth > 0, "The QR code image did not load.");
        Assert.Equal(10, recoveryCodes);
        Assert.Equal(1, await page.GetByText("新建账号").CountAsync());
    }
}

/// <summary>The browser on a portal with the production staff-account rules (two-factor required for admins).</summary>
public sealed class SecureBrowserFixture : BrowserFixture
{
    public SecureBrowserFixture()
        : base(new SecurePortalAppFactory())
    {
    }
}
