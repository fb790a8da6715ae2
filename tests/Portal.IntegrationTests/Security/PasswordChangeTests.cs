using System.Net;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Security;

namespace Portal.IntegrationTests.Security;

/// <summary>Staff change their own password with the current one (ASVS 6.2.2, 6.2.3); sign-out is a guarded post.</summary>
[Collection(SecurePortalCollection.Name)]
public sealed class PasswordChangeTests(SecurePortalAppFactory app)
{
    private const string NewPassword = "lanterns over the quiet harbour";

    [Fact]
    public async Task ChangingThePassword_NeedsTheCurrentOne_AppliesThePolicy_AndEndsOtherSessions()
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "change");
        var client = await SignedInAsync(userName, StaffAccounts.Password);
        var otherDevice = await SignedInAsync(userName, StaffAccounts.Password);

        var wrongCurrent = await ChangeAsync(client, "not my password", NewPassword);
        var common = await ChangeAsync(client, StaffAccounts.Password, "qwertyuiop123");
        var changed = await ChangeAsync(client, StaffAccounts.Password, NewPassword);
        await Task.Delay(SecurePortalAppFactory.SessionValidationInterval * 2.5);
        var thisDevice = await client.GetAsync("/staff/overview");
        var other = await otherDevice.GetAsync("/staff/overview");
        var oldPassword = await app.NewClient().SignInAsync(userName, StaffAccounts.Password);
        var newPassword = await app.NewClient().SignInAsync(userName, NewPassword);

        Assert.Contains("当前密码不正确。", wrongCurrent, StringComparison.Ordinal);
        Assert.Contains("太常见", common, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"password-changed\"", changed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, thisDevice.StatusCode);
        Assert.Equal("/account/login", other.TargetPath());
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Fact]
    public async Task SigningOut_NeedsTheAntiforgeryToken_AndIsAudited()
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "signout");
        var client = await SignedInAsync(userName, StaffAccounts.Password);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        var stillSignedIn = await client.GetAsync("/staff/overview");
        var signedOut = await client.PostFormAsync("/account/password", "logout", [], postUrl: "/account/logout");
        var afterwards = await client.GetAsync("/staff/overview");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/login", afterwards.TargetPath());
        Assert.Contains(app.Logs.Entries, e => e.Category == SecurityAudit.Category && e.EventId.Id == 9007 && e.Message.Contains("actor=" + userName + " ", StringComparison.Ordinal));
    }

    private static async Task<string> ChangeAsync(HttpClient client, string current, string next)
    {
        var response = await client.PostFormAsync("/account/password", "change-password",
            [new("Input.Current", current), new("Input.New", next), new("Input.Confirm", next)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = app.NewClient();
        Assert.Equal("/staff", (await client.SignInAsync(userName, password)).Target());
        return client;
    }
}
