using System.Net;
using Microsoft.AspNetCore.Identity;
using Portal.Data.Departments;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Departments;
using Portal.Moderation.Staff;

namespace Portal.IntegrationTests.Staff;

/// <summary>
/// Staff accounts through the real Identity stores of the running portal. Every test makes accounts with
/// user names of its own: the portal (and its database) is shared by the whole test collection.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class StaffAdminServiceTests(PortalAppFactory app)
{
    private const string Password = "correct-horse-battery";
    private const string LockedMessage = "账号已被暂时锁定";

    [Fact]
    public async Task CreateAsync_HandlerWithADepartment_CreatesAnAccountThatCanSignIn()
    {
        var transport = await DepartmentAsync("transport");
        var userName = UniqueName("handler");

        var errors = await CreateAsync(new NewStaffInput
        {
            UserName = $"  {userName} ",
            DisplayName = " 交通局承办人 王磊 ",
            Password = Password,
            Role = StaffRoles.Handler,
            DepartmentId = transport.Id,
        });

        Assert.Empty(errors);
        var account = await AccountAsync(userName);
        Assert.Equal(("交通局承办人 王磊", StaffRoles.Handler, transport.Id, transport.Name, false),
            (account.DisplayName, account.Role, account.DepartmentId, account.DepartmentName, account.IsLocked));
        var signIn = await SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/staff", signIn.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task CreateAsync_HandlerWithoutADepartment_IsRefused_AndCreatesNothing()
    {
        var userName = UniqueName("handler");

        var errors = await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "承办人", Password = Password, Role = StaffRoles.Handler });

        Assert.Equal(["承办人必须属于一个部门。"], errors);
        Assert.Null(await FindAsync(userName));
    }

    [Theory]
    [InlineData(StaffRoles.Moderator)]
    [InlineData(StaffRoles.Leader)]
    [InlineData(StaffRoles.Admin)]
    public async Task CreateAsync_OtherRolesWithADepartment_BelongToNoDepartment(string role)
    {
        var transport = await DepartmentAsync("transport");
        var userName = UniqueName("staff");

        var errors = await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "工作人员", Password = Password, Role = role, DepartmentId = transport.Id });

        Assert.Empty(errors);
        var account = await AccountAsync(userName);
        Assert.Equal(role, account.Role);
        Assert.Null(account.DepartmentId);
        Assert.Null(account.DepartmentName);
    }

    [Theory]
    [InlineData("only-11-chr", false)]
    [InlineData("exactly-12ch", true)]
    public async Task CreateAsync_APasswordShorterThanTwelveCharacters_IsRefusedInChinese(string password, bool accepted)
    {
        var userName = UniqueName("leader");

        var errors = await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "领导", Password = password, Role = StaffRoles.Leader });

        if (accepted)
        {
            Assert.Empty(errors);
            Assert.NotNull(await FindAsync(userName));
        }
        else
        {
            Assert.Equal(["密码至少需要 12 个字符（可以用几个词连成的长句）。"], errors);
            Assert.Null(await FindAsync(userName));
        }
    }

    [Fact]
    public async Task CreateAsync_ATakenUserName_IsRefusedInChinese_WhateverItsCase()
    {
        var userName = UniqueName("moderator");
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "审核员甲", Password = Password, Role = StaffRoles.Moderator }));

        var same = await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "审核员乙", Password = Password, Role = StaffRoles.Moderator });
        var upperCase = await CreateAsync(new NewStaffInput { UserName = userName.ToUpperInvariant(), DisplayName = "审核员丙", Password = Password, Role = StaffRoles.Moderator });

        Assert.Equal(["该登录名已被使用。"], same);
        Assert.Equal(["该登录名已被使用。"], upperCase);
        Assert.Equal("审核员甲", (await AccountAsync(userName)).DisplayName);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("张三丰")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task CreateAsync_AnInvalidUserName_IsRefused(string userName)
    {
        var errors = await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "工作人员", Password = Password, Role = StaffRoles.Leader });

        Assert.Equal(["登录名为 3 到 64 个字母、数字或 . _ @ -。"], errors);
        Assert.Null(await FindAsync(userName));
    }

    [Fact]
    public async Task CreateAsync_WithMissingFields_ListsEveryMissingField()
    {
        var errors = await CreateAsync(new NewStaffInput { UserName = UniqueName("staff"), DisplayName = " ", Password = null, Role = null });

        Assert.Equal(new[] { "请填写姓名。", "请填写初始密码。", "请选择角色。" }.Order(StringComparer.Ordinal), errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_WithAnUnknownRole_IsRefusedInChinese_AndCreatesNoAccount()
    {
        var userName = UniqueName("staff");

        var errors = await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "工作人员", Password = Password, Role = "SuperUser" });

        Assert.Equal(["请选择角色。"], errors);
        Assert.Null(await FindAsync(userName));
    }

    [Fact]
    public async Task SetRoleAsync_ChangesTheRoleAndDepartment_AndTheSecurityStamp()
    {
        var transport = await DepartmentAsync("transport");
        var health = await DepartmentAsync("health");
        var userName = UniqueName("handler");
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "承办人", Password = Password, Role = StaffRoles.Handler, DepartmentId = transport.Id }));
        var created = (await FindAsync(userName))!;

        var toModerator = await SetRoleAsync(created.Id, StaffRoles.Moderator, transport.Id);
        var asModerator = (await FindAsync(userName))!;
        var moderatorRoles = await RolesAsync(asModerator);
        var toHandler = await SetRoleAsync(created.Id, StaffRoles.Handler, health.Id);
        var asHandler = (await FindAsync(userName))!;
        var handlerRoles = await RolesAsync(asHandler);

        Assert.Empty(toModerator);
        Assert.Equal([StaffRoles.Moderator], moderatorRoles);
        Assert.Null(asModerator.DepartmentId);
        Assert.NotEqual(created.SecurityStamp, asModerator.SecurityStamp);
        Assert.Empty(toHandler);
        Assert.Equal([StaffRoles.Handler], handlerRoles);
        Assert.Equal(health.Id, asHandler.DepartmentId);
        Assert.NotEqual(asModerator.SecurityStamp, asHandler.SecurityStamp);
        Assert.Equal(health.Name, (await AccountAsync(userName)).DepartmentName);
    }

    [Fact]
    public async Task SetRoleAsync_FromAListLoadedBeforeAnotherAdministratorChangedTheAccount_IsRefused()
    {
        var transport = await DepartmentAsync("transport");
        var userName = UniqueName("handler");
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "承办人", Password = Password, Role = StaffRoles.Handler, DepartmentId = transport.Id }));
        var seen = await AccountAsync(userName);
        Assert.Empty(await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(async s => await s.SetRoleAsync(await app.ActorAsync("admin"), seen.Id, StaffRoles.Leader, null, seen.ConcurrencyStamp)));

        var late = await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(async s => await s.SetRoleAsync(await app.ActorAsync("admin"), seen.Id, StaffRoles.Moderator, null, seen.ConcurrencyStamp));

        Assert.Equal(["该记录已被他人修改，已显示最新内容，请确认后重试。"], late);
        Assert.Equal(StaffRoles.Leader, (await AccountAsync(userName)).Role);
    }

    [Fact]
    public async Task SetRoleAsync_ToHandlerWithoutADepartment_IsRefused_AndChangesNothing()
    {
        var userName = UniqueName("moderator");
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "审核员", Password = Password, Role = StaffRoles.Moderator }));
        var before = (await FindAsync(userName))!;

        var errors = await SetRoleAsync(before.Id, StaffRoles.Handler, null);

        Assert.Equal(["承办人必须属于一个部门。"], errors);
        var after = (await FindAsync(userName))!;
        Assert.Equal([StaffRoles.Moderator], await RolesAsync(after));
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
    }

    [Fact]
    public async Task SetRoleAsync_WithAnUnknownRoleOrAccount_IsRefused()
    {
        var userName = UniqueName("leader");
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "领导", Password = Password, Role = StaffRoles.Leader }));
        var user = (await FindAsync(userName))!;

        Assert.Equal(["请选择角色。"], await SetRoleAsync(user.Id, "SuperUser", null));
        Assert.Equal(["请选择角色。"], await SetRoleAsync(user.Id, "", null));
        Assert.Equal(["未找到该账号。"], await SetRoleAsync(Guid.NewGuid().ToString(), StaffRoles.Leader, null));
        Assert.Equal([StaffRoles.Leader], await RolesAsync((await FindAsync(userName))!));
    }

    [Fact]
    public async Task SetLockedAsync_LockedAccountCannotSignIn_UntilItIsUnlocked()
    {
        var admin = await NewAdminAsync();
        var userName = UniqueName("leader");
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "领导", Password = Password, Role = StaffRoles.Leader }));
        var before = (await FindAsync(userName))!;

        var locking = await SetLockedAsync(before.Id, true, admin);
        var whileLocked = await SignInAsync(userName, Password);
        var lockedUser = (await FindAsync(userName))!;
        var lockedAccount = await AccountAsync(userName);
        var unlocking = await SetLockedAsync(before.Id, false, admin);
        var afterUnlock = await SignInAsync(userName, Password);

        Assert.Empty(locking);
        Assert.True(lockedAccount.IsLocked);
        Assert.Equal(DateTimeOffset.MaxValue, lockedUser.LockoutEnd);
        Assert.NotEqual(before.SecurityStamp, lockedUser.SecurityStamp);
        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Contains(LockedMessage, await whileLocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var cookies = whileLocked.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("portal.staff=", StringComparison.Ordinal));

        Assert.Empty(unlocking);
        Assert.False((await AccountAsync(userName)).IsLocked);
        Assert.Equal(HttpStatusCode.Redirect, afterUnlock.StatusCode);
        Assert.Equal("/staff", afterUnlock.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SetLockedAsync_AnAdminCannotLockThemself()
    {
        var admin = await NewAdminAsync();

        var errors = await SetLockedAsync(admin.Id, true, admin);

        Assert.Equal(["不能锁定自己的账号。"], errors);
        Assert.False((await AccountAsync(admin.UserName!)).IsLocked);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(admin.UserName!, Password)).StatusCode);
    }

    [Fact]
    public async Task SetLockedAsync_ForAnUnknownAccount_IsRefused()
    {
        var admin = await NewAdminAsync();

        Assert.Equal(["未找到该账号。"], await SetLockedAsync(Guid.NewGuid().ToString(), true, admin));
    }

    [Fact]
    public async Task ListActiveAsync_LeavesLockedAccountsOut_AndSortsByName()
    {
        var admin = await NewAdminAsync();
        var active = UniqueName("leader");
        var locked = UniqueName("leader");
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = active, DisplayName = "在岗领导", Password = Password, Role = StaffRoles.Leader }));
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = locked, DisplayName = "离岗领导", Password = Password, Role = StaffRoles.Leader }));
        Assert.Empty(await SetLockedAsync((await FindAsync(locked))!.Id, true, admin));

        var list = await app.WithAsync<StaffAdminService, IReadOnlyList<StaffAccount>>(s => s.ListActiveAsync());

        Assert.Contains(list, a => a.UserName == active);
        Assert.DoesNotContain(list, a => a.UserName == locked);
        Assert.All(list, a => Assert.False(a.IsLocked));
        Assert.Equal(list.Select(a => a.DisplayName).Order(StringComparer.Ordinal), list.Select(a => a.DisplayName));
        Assert.Contains(await app.WithAsync<StaffAdminService, IReadOnlyList<StaffAccount>>(s => s.ListAsync()), a => a.UserName == locked && a.IsLocked);
    }

    private static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private async Task<StaffUser> NewAdminAsync()
    {
        var userName = UniqueName("admin");
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "管理员", Password = Password, Role = StaffRoles.Admin }));
        return (await FindAsync(userName))!;
    }

    [Fact]
    public async Task AccountChanges_ByAnyoneButAnAdministrator_AreRefused_AndChangeNothing()
    {
        var userName = UniqueName("leader");
        Assert.Empty(await CreateAsync(new NewStaffInput { UserName = userName, DisplayName = "领导", Password = Password, Role = StaffRoles.Leader }));
        var before = await AccountAsync(userName);
        var refused = new[] { "只有系统管理员可以修改账号。" };

        foreach (var actorName in new[] { "moderator", "leader", "handler-transport" })
        {
            var actor = await app.ActorAsync(actorName);
            Assert.Equal(refused, await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.SetRoleAsync(actor, before.Id, StaffRoles.Admin, null, before.ConcurrencyStamp)));
            Assert.Equal(refused, await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.SetLockedAsync(actor, before.Id, true)));
            Assert.Equal(refused, await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.SetPartyBranchAsync(actor, before.Id, "第一党支部", false, before.ConcurrencyStamp)));
        }

        Assert.Equal(before, await AccountAsync(userName));
    }

    private Task<IReadOnlyList<string>> CreateAsync(NewStaffInput input) =>
        app.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.CreateAsync(input));

    /// <summary>An administrator who has the account's current state in front of them changes its role.</summary>
    private Task<IReadOnlyList<string>> SetRoleAsync(string userId, string role, int? departmentId) =>
        app.WithAsync<StaffAdminService, IReadOnlyList<string>>(async s =>
            await s.SetRoleAsync(await app.ActorAsync("admin"), userId, role, departmentId, (await s.ListAsync()).FirstOrDefault(a => a.Id == userId)?.ConcurrencyStamp));

    private Task<IReadOnlyList<string>> SetLockedAsync(string userId, bool locked, StaffUser admin) =>
        app.WithAsync<StaffAdminService, IReadOnlyList<string>>(async s => await s.SetLockedAsync(await app.ActorAsync(admin.UserName!), userId, locked));

    private Task<StaffUser?> FindAsync(string userName) =>
        app.WithAsync<UserManager<StaffUser>, StaffUser?>(u => u.FindByNameAsync(userName));

    private Task<IList<string>> RolesAsync(StaffUser user) =>
        app.WithAsync<UserManager<StaffUser>, IList<string>>(u => u.GetRolesAsync(user));

    private async Task<StaffAccount> AccountAsync(string userName) =>
        (await app.WithAsync<StaffAdminService, IReadOnlyList<StaffAccount>>(s => s.ListAsync())).Single(a => a.UserName == userName);

    private async Task<Department> DepartmentAsync(string code) =>
        (await app.WithAsync<DepartmentService, IReadOnlyList<Department>>(d => d.ListAsync())).Single(d => d.Code == code);

    /// <summary>Signs in through the real login form, as a browser without JavaScript would.</summary>
    private Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync(userName, password);
}
