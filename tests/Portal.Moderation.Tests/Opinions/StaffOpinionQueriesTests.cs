using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Opinions;

/// <summary>The staff screens' read models: case view and merge candidates (the lists: <see cref="StaffListQueryTests"/>).</summary>
public sealed class StaffOpinionQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = WorkflowHarness.Start;

    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task GetCaseAsync_ForAHandlerOfAnotherDepartment_ReturnsNull()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.UrbanId);

        Assert.Null(await _h.Queries.GetCaseAsync(id, _h.TransportHandler));
        Assert.NotNull(await _h.Queries.GetCaseAsync(id, _h.UrbanHandler));
    }

    [Fact]
    public async Task GetCaseAsync_ForAHandler_BeforeAssignmentOrAfterAReturn_ReturnsNull()
    {
        var registered = await _h.OpinionInAsync(OpinionStatus.Registered);
        var returned = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.UrbanId);
        await _h.ReturnAsync(returned, "不属于本局");

        Assert.Null(await _h.Queries.GetCaseAsync(registered, _h.UrbanHandler));
        Assert.Null(await _h.Queries.GetCaseAsync(returned, _h.UrbanHandler));
        Assert.NotNull(await _h.Queries.GetCaseAsync(returned, _h.Moderator));
    }

    [Fact]
    public async Task GetCaseAsync_ForAnUnknownId_ReturnsNull()
    {
        await _h.OpinionInAsync(OpinionStatus.Submitted);

        Assert.Null(await _h.Queries.GetCaseAsync(987_654, _h.Admin));
    }

    [Fact]
    public async Task GetCaseAsync_ForAHandler_HidesTheNameAndContactOfAnAnonymousResident()
    {
        var input = WorkflowHarness.Input();
        input.IsAnonymous = true;
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress, input: input);

        var view = await _h.Queries.GetCaseAsync(id, _h.UrbanHandler);

        Assert.NotNull(view);
        Assert.True(view.IsAnonymous);
        Assert.True(view.ContactHidden);
        Assert.Null(view.ResidentName);
        Assert.Null(view.ResidentContact);
        Assert.Equal("小区路灯不亮", view.Title);
    }

    [Fact]
    public async Task GetCaseAsync_ForAHandler_MasksAnAnonymousResidentsPersonalDataInTheText()
    {
        var input = WorkflowHarness.Input();
        input.IsAnonymous = true;
        input.Body = "我是李秀兰，电话 13812345678，小区路灯坏了一个月。";
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress, input: input);

        var forHandler = await _h.Queries.GetCaseAsync(id, _h.UrbanHandler);
        var forModerator = await _h.Queries.GetCaseAsync(id, _h.Moderator);

        Assert.Equal("我是李某某，电话 138****5678，小区路灯坏了一个月。", forHandler!.Body);
        Assert.Equal(input.Body, forModerator!.Body);
    }

    [Fact]
    public async Task GetCaseAsync_ForAHandler_ShowsTheContactOfAResidentWhoIsNotAnonymous()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress);

        var view = await _h.Queries.GetCaseAsync(id, _h.UrbanHandler);

        Assert.NotNull(view);
        Assert.False(view.ContactHidden);
        Assert.Equal("李秀兰", view.ResidentName);
        Assert.Equal("13812345678", view.ResidentContact);
    }

    [Theory]
    [InlineData(StaffRoles.Moderator)]
    [InlineData(StaffRoles.Leader)]
    [InlineData(StaffRoles.Admin)]
    public async Task GetCaseAsync_ForSupervisingStaff_ShowsEverythingEvenForAnAnonymousResident(string role)
    {
        var input = WorkflowHarness.Input();
        input.IsAnonymous = true;
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.TransportId, input);
        var actor = role switch
        {
            StaffRoles.Moderator => _h.Moderator,
            StaffRoles.Leader => _h.Leader,
            _ => _h.Admin,
        };

        var view = await _h.Queries.GetCaseAsync(id, actor);

        Assert.NotNull(view);
        Assert.True(view.IsAnonymous);
        Assert.False(view.ContactHidden);
        Assert.Equal("李秀兰", view.ResidentName);
        Assert.Equal("13812345678", view.ResidentContact);
    }

    [Fact]
    public async Task GetCaseAsync_ShowsTheInternalHistoryAndResults()
    {
        var id = (await _h.SubmitAsync()).OpinionId;
        await _h.RegisterAsync(id);
        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.AssignAsync(id, _h.UrbanId, "请王科长亲自督办");
        await _h.AcceptAsync(id);
        _h.Clock.Advance(TimeSpan.FromDays(2));
        await _h.CompleteAsync(id);

        var view = await _h.Queries.GetCaseAsync(id, _h.UrbanHandler);

        Assert.NotNull(view);
        Assert.Equal(OpinionStatus.Completed, view.Status);
        Assert.Equal(_h.UrbanId, view.DepartmentId);
        Assert.Equal("住建局", view.DepartmentName);
        Assert.Equal("审核员甲", view.CaseOwnerName);
        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), view.Deadline);
        Assert.Equal((Start + TimeSpan.FromDays(2) + TimeSpan.FromHours(1)).UtcDateTime, view.CompletedAt);
        Assert.Equal(await _h.VersionAsync(id), view.Version);
        Assert.Equal(
            [
                (OpinionAction.Submitted, "群众", (string?)null),
                (OpinionAction.Registered, "审核员甲", null),
                (OpinionAction.Assigned, "审核员甲", "请王科长亲自督办"),
                (OpinionAction.Accepted, "承办人乙", null),
                (OpinionAction.Completed, "承办人乙", null),
            ],
            view.History.Select(e => (e.Action, e.ActorName, e.Note)));
        var result = Assert.Single(view.Results);
        Assert.Equal("已派维修班组更换灯具。", result.ActionsTaken);
        Assert.Equal("路灯已修复，感谢您的监督。", result.ReplyText);
        Assert.Null(result.PublicReply);
        Assert.Equal("承办人乙", result.WrittenByName);
        Assert.Equal("张局长", result.SignedOffBy);
    }

    [Fact]
    public async Task GetCaseAsync_ForAMergedDuplicate_NamesTheOriginal()
    {
        var original = await _h.OpinionInAsync(OpinionStatus.Registered);
        var duplicate = (await _h.SubmitAsync()).OpinionId;
        await _h.MergeAsync(duplicate, original);

        var view = await _h.Queries.GetCaseAsync(duplicate, _h.Moderator);

        Assert.Equal(OpinionStatus.Merged, view!.Status);
        Assert.Equal(await _h.TrackingCodeAsync(original), view.MergedIntoTrackingCode);
    }

    [Fact]
    public async Task GetMergeCandidatesAsync_ListsOtherOpinionsThatAreNeitherRejectedNorMerged()
    {
        var streetLight = await _h.OpinionInAsync(OpinionStatus.Registered);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        var busStopInput = WorkflowHarness.Input("公交站台破损");
        busStopInput.Area = "城关街道";
        var busStop = await _h.OpinionInAsync(OpinionStatus.Published, _h.TransportId, busStopInput);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await _h.OpinionInAsync(OpinionStatus.Rejected, input: WorkflowHarness.Input("路灯问题（已驳回）"));
        var merged = (await _h.SubmitAsync(WorkflowHarness.Input("路灯问题（重复）"))).OpinionId;
        await _h.MergeAsync(merged, streetLight);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        var duplicate = (await _h.SubmitAsync(WorkflowHarness.Input("楼前路灯不亮"))).OpinionId;

        var candidates = await _h.Queries.GetMergeCandidatesAsync(duplicate, null, _h.Moderator);

        Assert.Equal([busStop, streetLight], candidates.Select(c => c.Id));
    }

    [Theory]
    [InlineData("路灯", "streetLight")]
    [InlineData("站台", "busStop")]
    [InlineData("城关", "busStop")]
    [InlineData("幸福小区", "streetLight")]
    [InlineData(" 城关\u200B ", "busStop")]
    [InlineData("不存在的内容", "")]
    public async Task GetMergeCandidatesAsync_SearchesTitleAndArea(string search, string expected)
    {
        var streetLight = await _h.OpinionInAsync(OpinionStatus.Registered);
        var busStopInput = WorkflowHarness.Input("公交站台破损");
        busStopInput.Area = "城关街道";
        var busStop = await _h.OpinionInAsync(OpinionStatus.Registered, input: busStopInput);
        var noAreaInput = WorkflowHarness.Input("噪音扰民");
        noAreaInput.Area = null;
        await _h.OpinionInAsync(OpinionStatus.Registered, input: noAreaInput);
        var duplicateInput = WorkflowHarness.Input("路灯又坏了");
        var duplicate = (await _h.SubmitAsync(duplicateInput)).OpinionId;

        var candidates = await _h.Queries.GetMergeCandidatesAsync(duplicate, search, _h.Moderator);

        int[] expectedIds = expected switch
        {
            "streetLight" => [streetLight],
            "busStop" => [busStop],
            _ => [],
        };
        Assert.Equal(expectedIds, candidates.Select(c => c.Id));
    }
}
