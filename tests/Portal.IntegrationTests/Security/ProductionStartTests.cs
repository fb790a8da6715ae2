using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Seeding;

namespace Portal.IntegrationTests.Security;

/// <summary>
/// No default account in Production (ASVS 6.3.2): a first start on an empty database creates the roles and no
/// user at all, so no known password opens the portal; the first administrator comes from `create-admin`.
/// </summary>
public sealed class ProductionStartTests : IClassFixture<FirstStartPortalAppFactory>
{
    private readonly FirstStartPortalAppFactory _app;

    public ProductionStartTests(FirstStartPortalAppFactory app) => _app = app;

    [Fact]
    public async Task AFirstStartInProduction_CreatesTheRolesAndNoAccount()
    {
        var users = await _app.WithAsync<UserManager<StaffUser>, int>(u => u.Users.CountAsync());
        var roles = await _app.WithAsync<RoleManager<IdentityRole>, List<string?>>(r => r.Roles.Select(x => x.Name).ToListAsync());

        Assert.Equal(0, users);
        Assert.Equal(StaffRoles.All.Order(), roles.Order());
    }

    [Fact]
    public async Task TheDemoAdminAndItsPassword_DoNotSignInToAProductionPortal()
    {
        var response = await _app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync("admin", DemoDataSeeder.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("登录名或密码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
