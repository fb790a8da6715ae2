using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Staff;
using Portal.Web.Security;

namespace Portal.IntegrationTests.Security;

/// <summary>
/// Disabling an account or changing its role ends its live sessions within the validation interval (ASVS 7.4.2):
/// the sign-in cookie over HTTP, and the check that live circuits run.
/// </summary>
[Collection(SecurePortalCollection.Name)]
public sealed class SessionRevocationTests(SecurePortalAppFactory app)
{
    private static readonly TimeSpan AfterTheInterval = SecurePortalAppFactory.SessionValidationInterval * 2.5;

    [Fact]
    public async Task DisablingAnAccount_SendsItsNextRequestToTheLoginPage_AndIsAudited()
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "disable");
        var client = await SignedInAsync(userName);
        var before = await client.GetAsync("/staff/overview");

        Assert.Empty(await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(async s => await s.SetLockedAsync(await app.ActorAsync("admin"), await IdAsync(userName), true)));
        await Task.Delay(AfterTheInterval);
        var after = await client.GetAsync("/staff/overview");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.TargetPath());
        Assert.Contains(app.Logs.Entries, e => e.Category == SecurityAudit.Category && e.EventId.Id == 9009 && e.Message.Contains("actor=" + userName + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangingTheRole_EndsTheSession_SoTheOldRoleIsNotKept()
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "demote");
        var client = await SignedInAsync(userName);

        Assert.Empty(await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(async s =>
        {
            var user = await UserAsync(userName);
            return await s.SetRoleAsync(await app.ActorAsync("admin"), user.Id, StaffRoles.PartyMember, null, user.ConcurrencyStamp);
        }));
        await Task.Delay(AfterTheInterval);
        var after = await client.GetAsync("/staff/overview");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.TargetPath());
    }

    [Fact]
    public async Task AnUnchangedAccount_KeepsItsSession_AfterTheInterval()
    {
        var client = await SignedInAsync(await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "steady"));

        await Task.Delay(AfterTheInterval);
        var after = await client.GetAsync("/staff/overview");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task ALiveCircuit_EndsWhenTheAccountIsDisabled_ButNotWhenSomeoneElseTriesWrongPasswords()
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "circuit");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>().CreateUserPrincipalAsync((await users.FindByNameAsync(userName))!);
        var circuits = scope.ServiceProvider.GetServices<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>().OfType<RevalidatingStaffAuthenticationStateProvider>().Single();

        var fresh = await circuits.IsStillValidAsync(principal);
        var attacker = app.NewClient();
        for (var i = 0; i < 5; i++)
            await attacker.SignInAsync(userName, "guessing " + i);
        var afterBruteForce = await circuits.IsStillValidAsync(principal);
        Assert.Empty(await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(async s => await s.SetLockedAsync(await app.ActorAsync("admin"), await IdAsync(userName), true)));
        var afterDisabling = await circuits.IsStillValidAsync(principal);

        Assert.True(fresh);
        Assert.True(afterBruteForce);
        Assert.False(afterDisabling);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = app.NewClient();
        var response = await client.SignInAsync(userName, StaffAccounts.Password);
        Assert.Equal("/staff", response.Target());
        return client;
    }

    private async Task<string> IdAsync(string userName) => (await UserAsync(userName)).Id;

    private Task<StaffUser> UserAsync(string userName) =>
        app.WithAsync<UserManager<StaffUser>, StaffUser>(async u => (await u.FindByNameAsync(userName))!);
}
