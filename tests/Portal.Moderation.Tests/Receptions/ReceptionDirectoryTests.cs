using System.ComponentModel.DataAnnotations;
using Portal.Data.Receptions;
using Portal.Moderation.Receptions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.Receptions;

public sealed class ReceptionDirectoryTests
{
    private static HostInput Host(string? name = "黄秀珍", string? post = "县党代表", int receptions = 2, int visits = 10) => new()
    {
        Name = name, Post = post, Responsibilities = "社区治理", Kind = ReceptionHostKind.Deputy,
        RequiredReceptionsPerYear = receptions, RequiredVisitsPerYear = visits,
    };

    private static StudioInput Studio(string? phone = "0312-5551208", string? days = "每月第一个星期三上午") => new()
    {
        Name = "东关社区党代表工作室", Address = "城关镇东关社区党群服务中心二楼", Phone = phone, ReceptionDays = days,
    };

    [Fact]
    public async Task NewHost_TakesTheConfiguredDefaultsOfItsKind()
    {
        await using var h = await ReceptionHarness.CreateAsync(new ReceptionOptions { DefaultDeputyReceptionsPerYear = 4, DefaultDeputyVisitsPerYear = 12, DefaultLeaderReceptionsPerYear = 24 });

        var deputy = h.Directory.NewHost(ReceptionHostKind.Deputy);
        var leader = h.Directory.NewHost(ReceptionHostKind.Leader);

        Assert.Equal((4, 12), (deputy.RequiredReceptionsPerYear, deputy.RequiredVisitsPerYear));
        Assert.Equal((24, 0), (leader.RequiredReceptionsPerYear, leader.RequiredVisitsPerYear));
    }

    [Fact]
    public async Task SaveHost_Edit_ChangesWhatIsAnnounced_AndSessionsKeepTheHost()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var id = await h.Directory.SaveHostAsync(null, Host(), ReceptionHarness.Moderator);
        var session = await h.SessionAsync(hostId: id);
        var edit = Host(post: "县党代表、东关社区党委书记", receptions: 4, visits: 12);
        edit.Version = (await h.Queries.GetHostAsync(id))!.Version;

        await h.Directory.SaveHostAsync(id, edit, ReceptionHarness.Moderator);

        var host = await h.Queries.GetHostAsync(id);
        Assert.Equal(("县党代表、东关社区党委书记", 4, 12), (host!.Post, host.RequiredReceptionsPerYear, host.RequiredVisitsPerYear));
        Assert.Equal("县党代表、东关社区党委书记", (await h.Queries.GetSessionAsync(session))!.HostPost);
    }

    [Fact]
    public async Task SaveHost_FromAFormLoadedBeforeSomeoneElseSaved_IsRefused_AndKeepsTheirChange()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var id = await h.Directory.SaveHostAsync(null, Host(), ReceptionHarness.Moderator);
        var loaded = (await h.Queries.GetHostAsync(id))!;
        var first = HostInput.From(loaded);
        var second = HostInput.From(loaded);
        first.Post = "县党代表、东关社区党委书记";
        second.RequiredReceptionsPerYear = 6;

        await h.Directory.SaveHostAsync(id, first, ReceptionHarness.Moderator);
        var ex = await Assert.ThrowsAsync<ConcurrentEditException>(() => h.Directory.SaveHostAsync(id, second, ReceptionHarness.Moderator));

        Assert.Equal("该记录已被他人修改，已显示最新内容，请确认后重试。", ex.Message);
        var stored = (await h.Queries.GetHostAsync(id))!;
        Assert.Equal(("县党代表、东关社区党委书记", loaded.RequiredReceptionsPerYear), (stored.Post, stored.RequiredReceptionsPerYear));
    }

    [Theory]
    [InlineData(null, "县党代表", 2, 10, "请填写姓名。")]
    [InlineData("黄秀珍", " ", 2, 10, "请填写职务。")]
    [InlineData("黄秀珍", "县党代表", -1, 10, "每年应接访次数应在 0 到 366 之间。")]
    [InlineData("黄秀珍", "县党代表", 2, 400, "每年应入户走访户数应在 0 到 366 之间。")]
    public async Task SaveHost_WithInvalidInput_IsRefusedInChinese(string? name, string? post, int receptions, int visits, string message)
    {
        await using var h = await ReceptionHarness.CreateAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => h.Directory.SaveHostAsync(null, Host(name, post, receptions, visits), ReceptionHarness.Moderator));

        Assert.Equal(message, ex.Message);
        Assert.Empty(await h.Queries.HostsAsync());
    }

    [Fact]
    public async Task SaveHost_WithoutKind_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var input = Host();
        input.Kind = null;

        var ex = await Assert.ThrowsAsync<ValidationException>(() => h.Directory.SaveHostAsync(null, input, ReceptionHarness.Moderator));

        Assert.Contains("请选择类别", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveHost_TheSameNameAndPostTwice_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        await h.Directory.SaveHostAsync(null, Host(), ReceptionHarness.Moderator);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => h.Directory.SaveHostAsync(null, Host(), ReceptionHarness.Moderator));

        Assert.Contains("已有接访人", ex.Message, StringComparison.Ordinal);
        Assert.Single(await h.Queries.HostsAsync());
    }

    [Fact]
    public async Task SaveHost_ByAHandler_IsDenied()
    {
        await using var h = await ReceptionHarness.CreateAsync();

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => h.Directory.SaveHostAsync(null, Host(), ReceptionHarness.Handler));
    }

    [Fact]
    public async Task SaveStudio_Edit_ChangesAddressPhoneAndDays()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var id = await h.Directory.SaveStudioAsync(null, Studio(), ReceptionHarness.Moderator);
        var edit = Studio(phone: "0312-5559999", days: "每月第二个星期四上午");
        edit.Address = "城关镇东关社区党群服务中心一楼";
        edit.Version = (await h.Queries.GetStudioAsync(id))!.Version;

        await h.Directory.SaveStudioAsync(id, edit, ReceptionHarness.Moderator);

        var studio = await h.Queries.GetStudioAsync(id);
        Assert.Equal(("城关镇东关社区党群服务中心一楼", "0312-5559999", "每月第二个星期四上午"), (studio!.Address, studio.Phone, studio.ReceptionDays));
    }

    [Theory]
    [InlineData("电话号码", "每月第一个星期三上午", "请填写有效的电话")]
    [InlineData("0312-5551208", "", "请填写固定接待日。")]
    public async Task SaveStudio_WithInvalidInput_IsRefusedInChinese(string phone, string days, string message)
    {
        await using var h = await ReceptionHarness.CreateAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => h.Directory.SaveStudioAsync(null, Studio(phone, days), ReceptionHarness.Moderator));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Queries.StudiosAsync());
    }

    [Fact]
    public async Task SaveStudio_UnknownId_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();

        await Assert.ThrowsAsync<ReceptionStateException>(() => h.Directory.SaveStudioAsync(999, Studio(), ReceptionHarness.Moderator));
    }
}
