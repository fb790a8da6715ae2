using System.Net;
using Microsoft.AspNetCore.Identity;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Security;

namespace Portal.IntegrationTests.Security;

/// <summary>Identity lockout through the real login form: 5 failures lock an account for 15 minutes (ASVS 6.3.1).</summary>
[Collection(SecurePortalCollection.Name)]
public sealed class LockoutTests(SecurePortalAppFactory app)
{
    private const string LockedWords = "账号已被暂时锁定";

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountForFifteenMinutes_AndTheRightPasswordIsRefused()
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "lockout");
        var client = app.NewClient();

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
            answers.Add(await TextAsync(await client.SignInAsync(userName, "wrong password " + i)));
        var right = await client.SignInAsync(userName, StaffAccounts.Password);
        var user = await app.WithAsync<UserManager<StaffUser>, StaffUser?>(u => u.FindByNameAsync(userName));

        Assert.All(answers[..4], a => Assert.Contains(StaffSignIn.WrongPasswordMessage, a, StringComparison.Ordinal));
        Assert.Contains(LockedWords, answers[4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(LockedWords, await TextAsync(right), StringComparison.Ordinal);
        Assert.Contains("15 分钟", await TextAsync(right), StringComparison.Ordinal);
        Assert.False(SetsSignInCookie(right));
        Assert.NotNull(user!.LockoutEnd);
        Assert.InRange(user.LockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task AnUnknownUserName_IsAnsweredLikeARealAccount_LockoutIncluded()
    {
        var real = await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "real");
        var unknown = StaffAccounts.UniqueName("nobody");

        var realAnswers = await SixWrongSignInsAsync(real);
        var unknownAnswers = await SixWrongSignInsAsync(unknown);

        Assert.Equal(realAnswers, unknownAnswers);
        Assert.Equal([false, false, false, false, true, true], unknownAnswers);
    }

    [Fact]
    public async Task SignInsAndLockouts_AreAudited_WithTheLoginNameAndIp()
    {
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "audited");
        await app.NewClient().SignInAsync(userName, StaffAccounts.Password);
        var attacker = app.NewClient();
        for (var i = 0; i < 5; i++)
            await attacker.SignInAsync(userName, "not the password");

        var audit = app.Logs.Entries.Where(e => e.Category == SecurityAudit.Category && e.Message.Contains("actor=" + userName + " ", StringComparison.Ordinal)).ToList();
        Assert.Contains(audit, e => e.EventId.Id == 9001);
        Assert.Equal(4, audit.Count(e => e.EventId.Id == 9002));
        Assert.Contains(audit, e => e.EventId.Id == 9003);
        Assert.All(audit, e => Assert.DoesNotContain("not the password", e.Message, StringComparison.Ordinal));
    }

    /// <summary>For each of six wrong passwords in a row: does the answer say "locked"?</summary>
    private async Task<bool[]> SixWrongSignInsAsync(string userName)
    {
        var client = app.NewClient();
        var answers = new bool[6];
        for (var i = 0; i < answers.Length; i++)
        {
            var text = await TextAsync(await client.SignInAsync(userName, "wrong password " + i));
            Assert.True(text.Contains(LockedWords, StringComparison.Ordinal) || text.Contains(StaffSignIn.WrongPasswordMessage, StringComparison.Ordinal));
            answers[i] = text.Contains(LockedWords, StringComparison.Ordinal);
        }

        return answers;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static bool SetsSignInCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.staff=", StringComparison.Ordinal));
}
