using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Staff;

namespace Portal.IntegrationTests.Staff;

/// <summary>The roles every environment has, and the first administrator (the create-admin command).</summary>
[Collection(PortalCollection.Name)]
public sealed class IdentitySetupTests(PortalAppFactory app)
{
    private const string Password = "first-admin-passphrase";

    [Fact]
    public async Task CreateAdminAsync_CreatesAnAdministratorWhoCanOpenTheAdminPages()
    {
        var userName = UniqueName();

        var errors = await app.WithAsync<IdentitySetup, IReadOnlyList<string>>(s => s.CreateAdminAsync(userName, "首任管理员", Password));

        Assert.Empty(errors);
        var user = await app.WithAsync<UserManager<StaffUser>, StaffUser?>(u => u.FindByNameAsync(userName));
        Assert.NotNull(user);
        Assert.Equal("首任管理员", user.DisplayName);
        Assert.True(user.LockoutEnabled);
        Assert.Null(user.DepartmentId);
        Assert.Equal([StaffRoles.Admin], await app.WithAsync<UserManager<StaffUser>, IList<string>>(u => u.GetRolesAsync(user)));

        var signedIn = await app.SignedInClientAsync(userName, Password);
        var page = await signedIn.GetAsync("/staff/admin/users");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("工作人员账号", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdminAsync_WithAShortPassword_IsRefusedInChinese_AndCreatesNothing()
    {
        var userName = UniqueName();

        var errors = await app.WithAsync<IdentitySetup, IReadOnlyList<string>>(s => s.CreateAdminAsync(userName, "管理员", "too-short"));

        Assert.Equal(["密码至少需要 12 个字符（可以用几个词连成的长句）。"], errors);
        Assert.Null(await app.WithAsync<UserManager<StaffUser>, StaffUser?>(u => u.FindByNameAsync(userName)));
    }

    [Fact]
    public async Task CreateAdminAsync_WithATakenUserName_IsRefusedInChinese()
    {
        var errors = await app.WithAsync<IdentitySetup, IReadOnlyList<string>>(s => s.CreateAdminAsync("admin", "另一个管理员", Password));

        Assert.Equal(["该登录名已被使用。"], errors);
        var admin = await app.WithAsync<UserManager<StaffUser>, StaffUser?>(u => u.FindByNameAsync("admin"));
        Assert.Equal("系统管理员", admin!.DisplayName);
    }

    [Fact]
    public async Task EnsureRolesAsync_RunTwice_LeavesExactlyTheFourRoles()
    {
        await app.WithAsync<IdentitySetup>(s => s.EnsureRolesAsync());
        await app.WithAsync<IdentitySetup>(s => s.EnsureRolesAsync());

        var roles = await app.WithAsync<RoleManager<IdentityRole>, List<string?>>(r => r.Roles.Select(x => x.Name).ToListAsync());

        Assert.Equal(StaffRoles.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
    }

    private static string UniqueName() => $"first-admin-{Guid.NewGuid():N}"[..24];
}
