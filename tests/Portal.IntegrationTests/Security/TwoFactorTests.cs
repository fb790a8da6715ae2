using System.Net;
using System.Text.RegularExpressions;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Security;

namespace Portal.IntegrationTests.Security;

/// <summary>
/// TOTP two-factor through the real pages (ASVS 6.3.3, 6.5): administrators must enrol before any admin page opens;
/// enrolled staff sign in with password and then a code (or a recovery code, once).
/// </summary>
[Collection(SecurePortalCollection.Name)]
public sealed partial class TwoFactorTests(SecurePortalAppFactory app)
{
    [Fact]
    public async Task AnAdminWithoutTwoFactor_IsSentToEnrol_BeforeAnyAdminPage_ButKeepsOtherStaffPages()
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Admin, "admin");
        var client = await SignedInWithPasswordAsync(userName);

        var users = await client.GetAsync("/staff/admin/users");
        var departments = await client.GetAsync("/staff/admin/departments");
        var queue = await client.GetAsync("/staff/queue");

        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Equal("/account/two-factor?returnUrl=%2Fstaff%2Fadmin%2Fusers", users.Target()!);
        Assert.Equal(HttpStatusCode.Redirect, departments.StatusCode);
        Assert.StartsWith("/account/two-factor", departments.Target()!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Fact]
    public async Task Enrol_SignOut_SignInWithACode_OpensTheAdminPages()
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Admin, "enrol");
        var client = await SignedInWithPasswordAsync(userName);

        var (key, uri) = await EnrolmentKeyAsync(client);
        // Scanning the code takes a while: the new key must not end the session that is enrolling.
        await Task.Delay(SecurePortalAppFactory.SessionValidationInterval * 2.5);
        var enabled = await client.PostFormAsync("/account/two-factor", "two-factor-enable", [new("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        var recoveryCodes = RecoveryCodes(await enabled.Content.ReadAsStringAsync());
        var afterEnrolment = await client.GetAsync("/staff/admin/users");
        await client.PostFormAsync("/account/two-factor", "logout", [], postUrl: "/account/logout");
        var afterSignOut = await client.GetAsync("/staff/admin/users");
        var password = await client.SignInAsync(userName, StaffAccounts.Password);
        var betweenSteps = await client.GetAsync("/staff");
        var code = await client.PostFormAsync(password.Target()!, "login-two-factor", [new("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        var adminPage = await client.GetAsync("/staff/admin/users");

        Assert.StartsWith($"otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={key}", uri, StringComparison.Ordinal);
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, afterEnrolment.StatusCode);
        Assert.Equal("/account/login", afterSignOut.TargetPath());
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login/two-factor", password.Target()!, StringComparison.Ordinal);
        Assert.Equal("/account/login", betweenSteps.TargetPath());
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/staff", code.Target()!);
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
    }

    [Fact]
    public async Task AWrongCode_IsRefused_AndSignsNobodyIn()
    {
        var (userName, key, _) = await EnrolledAdminAsync("wrong");
        var client = app.NewClient();

        var password = await client.SignInAsync(userName, StaffAccounts.Password);
        var wrong = await client.PostFormAsync(password.Target()!, "login-two-factor", [new("Input.Code", Totp.WrongCode(key, DateTimeOffset.UtcNow))]);
        var adminPage = await client.GetAsync("/staff/admin/users");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(wrong.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.staff=", StringComparison.Ordinal)));
        Assert.Equal("/account/login", adminPage.TargetPath());
    }

    [Fact]
    public async Task FiveWrongCodes_LockTheAccount_LikeFiveWrongPasswords()
    {
        var (userName, key, _) = await EnrolledAdminAsync("guess");
        var client = app.NewClient();
        var password = await client.SignInAsync(userName, StaffAccounts.Password);

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostFormAsync(password.Target()!, "login-two-factor", [new("Input.Code", Totp.WrongCode(key, DateTimeOffset.UtcNow))]);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        var right = await client.PostFormAsync(password.Target()!, "login-two-factor", [new("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))]);

        Assert.All(answers[..4], a => Assert.Contains("验证码不正确", a, StringComparison.Ordinal));
        Assert.Contains("账号已被暂时锁定", answers[4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已被暂时锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce_HoweverItIsTyped()
    {
        var (userName, _, recoveryCodes) = await EnrolledAdminAsync("recovery");

        // As people type it: lower case, without the hyphen.
        var first = await SecondStepAsync(userName, recoveryCodes[0].ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
        var again = await SecondStepAsync(userName, recoveryCodes[0]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("验证码不正确", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSecondStep_WithoutAPasswordFirst_GoesBackToTheLoginPage()
    {
        var response = await app.NewClient().GetAsync("/account/login/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Target());
    }

    private async Task<HttpResponseMessage> SecondStepAsync(string userName, string code)
    {
        var client = app.NewClient();
        var password = await client.SignInAsync(userName, StaffAccounts.Password);
        return await client.PostFormAsync(password.Target()!, "login-two-factor", [new("Input.Code", code)]);
    }

    private async Task<(string UserName, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolledAdminAsync(string prefix)
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Admin, prefix);
        var client = await SignedInWithPasswordAsync(userName);
        var (key, _) = await EnrolmentKeyAsync(client);
        var enabled = await client.PostFormAsync("/account/two-factor", "two-factor-enable", [new("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        return (userName, key, RecoveryCodes(await enabled.Content.ReadAsStringAsync()));
    }

    private async Task<HttpClient> SignedInWithPasswordAsync(string userName)
    {
        var client = app.NewClient();
        var response = await client.SignInAsync(userName, StaffAccounts.Password);
        Assert.Equal("/staff", response.Target());
        return client;
    }

    private static async Task<(string Key, string Uri)> EnrolmentKeyAsync(HttpClient client)
    {
        var page = await client.GetStringOkAsync("/account/two-factor");
        var key = KeyPattern().Match(page);
        var uri = UriPattern().Match(page);
        Assert.True(key.Success && uri.Success, "The enrolment page shows no key or URI.");
        return (key.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), WebUtility.HtmlDecode(uri.Groups[1].Value));
    }

    private static List<string> RecoveryCodes(string html) =>
        RecoveryCodePattern().Matches(html[html.IndexOf("data-testid=\"recovery-codes\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-testid=\"authenticator-uri\">([^<]+)<")]
    private static partial Regex UriPattern();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
