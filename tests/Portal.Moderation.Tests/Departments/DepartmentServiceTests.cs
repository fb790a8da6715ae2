using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Moderation.Departments;
using Portal.Moderation.Opinions;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Departments;

public sealed class DepartmentServiceTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;
    private DepartmentService _service = null!;

    public async Task InitializeAsync()
    {
        _h = await WorkflowHarness.CreateAsync();
        _service = new DepartmentService(_h.Database, _h.Audit);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task SaveAsync_ByAnyoneButAnAdministrator_IsRefused_AndStoresNothing()
    {
        var before = (await _service.ListAsync()).Count;

        foreach (var actor in new[] { _h.Moderator, _h.Leader, _h.UrbanHandler })
        {
            var input = new DepartmentInput { Code = "forged", Name = "伪造部门", Category = "其他", DefaultDeadlineDays = 10 };
            Assert.Equal("只有系统管理员可以修改部门。", await _service.SaveAsync(input, actor));
        }

        Assert.Equal(before, (await _service.ListAsync()).Count);
    }

    [Fact]
    public async Task SaveAsync_WithIdZero_CreatesTheDepartment_AndReportsItsId()
    {
        var input = new DepartmentInput
        {
            Code = "health",
            Name = "卫健局",
            Category = "卫生健康",
            Description = "医疗机构、疫苗接种\r\n公共卫生",
            DefaultDeadlineDays = 10,
        };

        var error = await _service.SaveAsync(input, _h.Admin);

        Assert.Null(error);
        Assert.NotEqual(0, input.Id);
        var stored = (await _service.ListAsync()).Single(d => d.Id == input.Id);
        Assert.Equal(("health", "卫健局", "卫生健康", "医疗机构、疫苗接种\n公共卫生", 10, true),
            (stored.Code, stored.Name, stored.Category, stored.Description, stored.DefaultDeadlineDays, stored.IsActive));
    }

    [Fact]
    public async Task SaveAsync_CleansTheTexts_AndLowerCasesTheCode()
    {
        var input = new DepartmentInput { Code = "  Health-Bureau \u200B", Name = " 卫健局 ", Category = "\t卫生健康 " };

        Assert.Null(await _service.SaveAsync(input, _h.Admin));

        var stored = (await _service.ListAsync()).Single(d => d.Id == input.Id);
        Assert.Equal(("health-bureau", "卫健局", "卫生健康"), (stored.Code, stored.Name, stored.Category));
        Assert.Null(stored.Description);
    }

    [Fact]
    public async Task SaveAsync_FromAFormLoadedBeforeAnotherAdministratorSaved_IsRefused_AndKeepsTheOtherChange()
    {
        var transport = (await _service.ListAsync()).Single(d => d.Id == _h.TransportId);
        var first = DepartmentInput.From(transport);
        var second = DepartmentInput.From(transport);
        first.DefaultDeadlineDays = 10;
        second.Description = "较晚保存的说明";

        Assert.Null(await _service.SaveAsync(first, _h.Admin));
        var error = await _service.SaveAsync(second, _h.Admin);

        Assert.Equal("该记录已被他人修改，已显示最新内容，请确认后重试。", error);
        var stored = (await _service.ListAsync()).Single(d => d.Id == _h.TransportId);
        Assert.Equal((10, transport.Description), (stored.DefaultDeadlineDays, stored.Description));
        // Reloaded from the current state, the second administrator's edit goes through.
        var retry = DepartmentInput.From(stored);
        retry.Description = "较晚保存的说明";
        Assert.Null(await _service.SaveAsync(retry, _h.Admin));
    }

    [Fact]
    public async Task SaveAsync_WithAnExistingId_UpdatesTheDepartment()
    {
        var input = DepartmentInput.From((await _service.ListAsync()).Single(d => d.Id == _h.TransportId));
        input.Name = "交通运输局";
        input.Description = "公路养护、公交客运";
        input.DefaultDeadlineDays = 20;

        Assert.Null(await _service.SaveAsync(input, _h.Admin));

        var all = await _service.ListAsync();
        Assert.Equal(3, all.Count);
        var stored = all.Single(d => d.Id == _h.TransportId);
        Assert.Equal(("transport", "交通运输局", "交通出行", "公路养护、公交客运", 20),
            (stored.Code, stored.Name, stored.Category, stored.Description, stored.DefaultDeadlineDays));
    }

    [Fact]
    public async Task SaveAsync_KeepingItsOwnCodeAndName_IsNotADuplicate()
    {
        var input = DepartmentInput.From((await _service.ListAsync()).Single(d => d.Id == _h.UrbanId));
        input.DefaultDeadlineDays = 30;

        Assert.Null(await _service.SaveAsync(input, _h.Admin));
        Assert.Equal(30, (await _service.ListAsync()).Single(d => d.Id == _h.UrbanId).DefaultDeadlineDays);
    }

    [Theory]
    [InlineData("transport", "新部门")]   // code of 交通局
    [InlineData("TRANSPORT", "新部门")]   // the same code once lower-cased
    [InlineData("new-dept", "交通局")]    // name of 交通局
    [InlineData("new-dept", " 交通局 ")]  // the same name once trimmed
    [InlineData("retired", "新部门")]     // an inactive department's code is still taken
    public async Task SaveAsync_NewDepartmentWithATakenCodeOrName_IsRefused(string code, string name)
    {
        var error = await _service.SaveAsync(new DepartmentInput { Code = code, Name = name, Category = "其他" }, _h.Admin);

        Assert.Equal("部门代码或名称已存在。", error);
        Assert.Equal(3, (await _service.ListAsync()).Count);
    }

    [Fact]
    public async Task SaveAsync_RenamingToAnotherDepartmentsName_IsRefused_AndChangesNothing()
    {
        var input = DepartmentInput.From((await _service.ListAsync()).Single(d => d.Id == _h.UrbanId));
        input.Name = "交通局";
        input.DefaultDeadlineDays = 30;

        Assert.Equal("部门代码或名称已存在。", await _service.SaveAsync(input, _h.Admin));

        var stored = (await _service.ListAsync()).Single(d => d.Id == _h.UrbanId);
        Assert.Equal(("住建局", 15), (stored.Name, stored.DefaultDeadlineDays));
    }

    [Theory]
    [InlineData("urban construction")]
    [InlineData("urban_construction")]
    [InlineData("城建")]
    [InlineData("urban.construction")]
    public async Task SaveAsync_WithACodeOtherThanLettersDigitsAndHyphens_IsRefused(string code)
    {
        var error = await _service.SaveAsync(new DepartmentInput { Code = code, Name = "新部门", Category = "其他" }, _h.Admin);

        Assert.Equal("部门代码只能使用小写字母、数字和连字符。", error);
        Assert.Equal(3, (await _service.ListAsync()).Count);
    }

    [Theory]
    [InlineData(null, "新部门", "其他", "请填写部门代码。")]
    [InlineData("  ", "新部门", "其他", "请填写部门代码。")]
    [InlineData("new-dept", null, "其他", "请填写部门名称。")]
    [InlineData("new-dept", "\u200B", "其他", "请填写部门名称。")]
    [InlineData("new-dept", "新部门", "", "请填写分管领域。")]
    public async Task SaveAsync_WithoutARequiredField_IsRefused(string? code, string? name, string? category, string message)
    {
        var error = await _service.SaveAsync(new DepartmentInput { Code = code, Name = name, Category = category }, _h.Admin);

        Assert.Equal(message, error);
        Assert.Equal(3, (await _service.ListAsync()).Count);
    }

    [Fact]
    public async Task SaveAsync_WithTooLongACode_IsRefused()
    {
        var error = await _service.SaveAsync(new DepartmentInput { Code = new string('a', Department.MaxCodeLength + 1), Name = "新部门", Category = "其他" }, _h.Admin);

        Assert.Equal($"部门代码不能超过 {Department.MaxCodeLength} 个字符。", error);
    }

    [Fact]
    public async Task SaveAsync_StoresPerKindLimits_UpdatesThemAndRemovesAnEmptiedOne()
    {
        var input = new DepartmentInput { Code = "new-dept", Name = "新部门", Category = "其他", DefaultDeadlineDays = 15 };
        input.KindDays[OpinionKind.Question] = 5;
        input.KindDays[OpinionKind.Complaint] = 10;
        Assert.Null(await _service.SaveAsync(input, _h.Admin));

        var edit = DepartmentInput.From((await _service.ListAsync()).Single(d => d.Id == input.Id));
        edit.KindDays[OpinionKind.Question] = 7;
        edit.KindDays[OpinionKind.Complaint] = null;
        Assert.Null(await _service.SaveAsync(edit, _h.Admin));

        var stored = (await _service.ListAsync()).Single(d => d.Id == input.Id);
        Assert.Equal([(OpinionKind.Question, 7)], stored.KindDeadlines.Select(k => (k.Kind, k.WorkingDays)));
        Assert.Equal(7, DeadlinePolicy.DaysFor(stored, OpinionKind.Question));
        Assert.Equal(15, DeadlinePolicy.DaysFor(stored, OpinionKind.Complaint));
    }

    [Fact]
    public async Task SaveAsync_WithAPerKindLimitOutOfRange_IsRefused()
    {
        var input = new DepartmentInput { Code = "new-dept", Name = "新部门", Category = "其他" };
        input.KindDays[OpinionKind.Question] = 0;

        Assert.Equal("按类别设置的办理时限应在 1 到 90 个工作日之间。", await _service.SaveAsync(input, _h.Admin));
        Assert.Equal(3, (await _service.ListAsync()).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(91)]
    [InlineData(365)]
    public async Task SaveAsync_WithDeadlineDaysOutOfRange_IsRefused(int days)
    {
        var error = await _service.SaveAsync(new DepartmentInput { Code = "new-dept", Name = "新部门", Category = "其他", DefaultDeadlineDays = days }, _h.Admin);

        Assert.Equal("办理时限应在 1 到 90 个工作日之间。", error);
        Assert.Equal(3, (await _service.ListAsync()).Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    public async Task SaveAsync_WithDeadlineDaysAtTheLimits_IsAccepted(int days)
    {
        var input = new DepartmentInput { Code = "new-dept", Name = "新部门", Category = "其他", DefaultDeadlineDays = days };

        Assert.Null(await _service.SaveAsync(input, _h.Admin));
        Assert.Equal(days, (await _service.ListAsync()).Single(d => d.Id == input.Id).DefaultDeadlineDays);
    }

    [Fact]
    public async Task SaveAsync_ForAnUnknownId_IsRefused()
    {
        var error = await _service.SaveAsync(new DepartmentInput { Id = 987_654, Code = "ghost", Name = "不存在的部门", Category = "其他" }, _h.Admin);

        Assert.Equal("未找到该部门。", error);
        Assert.Equal(3, (await _service.ListAsync()).Count);
    }

    [Fact]
    public async Task ListAsync_ActiveOnly_LeavesInactiveDepartmentsOut()
    {
        var all = await _service.ListAsync();
        var active = await _service.ListAsync(activeOnly: true);

        Assert.Equal([_h.UrbanId, _h.TransportId, _h.RetiredId], all.Select(d => d.Id));
        Assert.Equal([_h.UrbanId, _h.TransportId], active.Select(d => d.Id));
    }

    [Fact]
    public async Task Deactivating_KeepsTheDepartmentsOpinions_ButNoNewOpinionCanBeAssignedToIt()
    {
        var inProgress = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.UrbanId);
        var published = await _h.OpinionInAsync(OpinionStatus.Published, _h.UrbanId);
        var waiting = await _h.OpinionInAsync(OpinionStatus.Registered);
        var input = DepartmentInput.From((await _service.ListAsync()).Single(d => d.Id == _h.UrbanId));
        input.IsActive = false;

        Assert.Null(await _service.SaveAsync(input, _h.Admin));

        Assert.DoesNotContain(await _service.ListAsync(activeOnly: true), d => d.Id == _h.UrbanId);
        Assert.False((await _service.ListAsync()).Single(d => d.Id == _h.UrbanId).IsActive);
        Assert.Equal([inProgress], (await _h.Queries.GetPageAsync(new OpinionPageRequest(OpinionListScope.DepartmentInbox), _h.UrbanHandler)).Items.Select(i => i.Id));
        Assert.Equal("住建局", (await _h.Queries.GetCaseAsync(inProgress, _h.Moderator))!.DepartmentName);
        Assert.Equal("住建局", (await _h.Queries.GetPublishedDetailAsync(published))!.DepartmentName);
        await _h.CompleteAsync(inProgress);
        Assert.Equal(OpinionStatus.Completed, (await _h.Queries.GetCaseAsync(inProgress, _h.Moderator))!.Status);
        await Assert.ThrowsAsync<OpinionStateException>(() => _h.AssignAsync(waiting, _h.UrbanId));
        Assert.Equal(OpinionStatus.Registered, (await _h.Queries.GetCaseAsync(waiting, _h.Moderator))!.Status);
    }

    [Fact]
    public async Task Reactivating_AllowsAssignmentAgain()
    {
        var waiting = await _h.OpinionInAsync(OpinionStatus.Registered);
        var input = DepartmentInput.From((await _service.ListAsync()).Single(d => d.Id == _h.RetiredId));
        input.IsActive = true;

        Assert.Null(await _service.SaveAsync(input, _h.Admin));
        await _h.Workflow.AssignAsync(waiting, await _h.VersionAsync(waiting), _h.RetiredId, null, _h.Moderator);

        Assert.Equal("原市政处", (await _h.Queries.GetCaseAsync(waiting, _h.Moderator))!.DepartmentName);
    }
}
