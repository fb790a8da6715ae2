using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Staff;

namespace Portal.IntegrationTests.Staff;

/// <summary>An administrator makes an account a party member or secretary; the pledge workspace follows at once.</summary>
[Collection(PortalCollection.Name)]
public sealed class PartyBranchTests(PortalAppFactory app)
{
    private const string Password = "correct-horse-battery";
    private const string Health = "县卫生健康局机关党支部";

    [Fact]
    public async Task SetPartyBranch_MakesASecretaryOfThatBranch_WhoSeesItsPledgesAndTheCreateForm()
    {
        var userName = $"party-{Guid.NewGuid():N}"[..20];
        Assert.Empty(await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.CreateAsync(new NewStaffInput
        {
            UserName = userName, DisplayName = "卫健局书记 周平", Password = Password, Role = StaffRoles.PartyMember,
        })));
        var client = await app.SignedInClientAsync(userName, Password);
        var before = await client.GetStringOkAsync("/staff/pledges");
        var id = (await app.WithAsync<StaffAdminService, IReadOnlyList<StaffAccount>>(s => s.ListAsync())).Single(a => a.UserName == userName).Id;

        var errors = await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(async s => await s.SetPartyBranchAsync(await app.ActorAsync("admin"), id, $"  {Health} ", isSecretary: true, (await s.ListAsync()).Single(a => a.Id == id).ConcurrencyStamp));
        var after = await client.GetStringOkAsync("/staff/pledges");

        Assert.Empty(errors);
        Assert.Contains("暂无承诺", before, StringComparison.Ordinal);
        Assert.Contains("每月一次下乡义诊", after, StringComparison.Ordinal);
        Assert.DoesNotContain("推动老旧小区加装电梯", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pledge-create\"", after, StringComparison.Ordinal);
        var account = (await app.WithAsync<StaffAdminService, IReadOnlyList<StaffAccount>>(s => s.ListAsync())).Single(a => a.Id == id);
        Assert.Equal((Health, true), (account.PartyBranch, account.IsBranchSecretary));
    }

    [Fact]
    public async Task SetPartyBranch_SecretaryWithoutABranch_IsRefusedInChinese()
    {
        var id = (await app.WithAsync<StaffAdminService, IReadOnlyList<StaffAccount>>(s => s.ListAsync())).Single(a => a.UserName == "leader").Id;

        var errors = await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(async s => await s.SetPartyBranchAsync(await app.ActorAsync("admin"), id, "  ", isSecretary: true, (await s.ListAsync()).Single(a => a.Id == id).ConcurrencyStamp));

        Assert.Equal(["请先填写所在党支部，再设为支部书记。"], errors);
    }
}
