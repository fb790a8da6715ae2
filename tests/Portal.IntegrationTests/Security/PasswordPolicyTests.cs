using System.Net;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Staff;

namespace Portal.IntegrationTests.Security;

/// <summary>The password rules on the account-creation path of /staff/admin/users (ASVS 6.2.1, 6.2.4, 6.2.9).</summary>
[Collection(PortalCollection.Name)]
public sealed class PasswordPolicyTests(PortalAppFactory app)
{
    [Theory]
    [InlineData("123456789012")]
    [InlineData("Woaini1314520")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("qinghe123456")]
    public async Task CreatingAnAccount_WithACommonPassword_IsRefusedInChinese(string password)
    {
        var errors = await CreateAsync(StaffAccounts.UniqueName("common"), password);

        var error = Assert.Single(errors);
        Assert.Contains("太常见", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingAnAccount_WithItsOwnUserNameAsPassword_IsRefused()
    {
        var userName = "user.name." + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(["密码不能与登录名相同。"], await CreateAsync(userName, userName.ToUpperInvariant()));
    }

    [Fact]
    public async Task ALongPassphraseWithSpaces_IsAccepted_AndSignsInExactlyAsTyped()
    {
        var userName = StaffAccounts.UniqueName("phrase");
        var passphrase = "清晨 骑车 去 河边 钓鱼，then walk home along the old canal road at sunrise 2026";
        Assert.True(passphrase.Length >= 64);

        Assert.Empty(await CreateAsync(userName, passphrase));
        var right = await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync(userName, passphrase);
        var truncated = await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync(userName, passphrase[..64]);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, truncated.StatusCode);
    }

    private Task<IReadOnlyList<string>> CreateAsync(string userName, string password) =>
        app.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.CreateAsync(new NewStaffInput
        {
            UserName = userName,
            DisplayName = "测试账号",
            Password = password,
            Role = StaffRoles.Moderator,
        }));
}
