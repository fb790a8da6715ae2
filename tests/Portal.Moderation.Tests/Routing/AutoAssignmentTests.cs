using Microsoft.EntityFrameworkCore;
using Portal.Data.Opinions;
using Portal.Data.Routing;
using Portal.Moderation.Opinions;
using Portal.Moderation.Routing;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Routing;

/// <summary>
/// The router in the workflow: ranked suggestions stored at submission, assignment by the router on
/// registration when the best suggestion reaches the threshold, and the figures kept for the admin page.
/// </summary>
public sealed class AutoAssignmentTests(TrainedRouterFixture fixture) : IClassFixture<TrainedRouterFixture>, IAsyncLifetime
{
    private const int ModelVersion = 7;
    private WorkflowHarness _harness = null!;
    private OpinionWorkflowService _workflow = null!;

    public async Task InitializeAsync()
    {
        _harness = await WorkflowHarness.CreateAsync();
        _harness.Router.Activate(fixture.Model, ModelVersion);
        await _harness.Routing.GetSettingsAsync(default); // as RouterRegistry.InitializeAsync does at start-up
        _workflow = _harness.WorkflowWith(new MlDepartmentRouter(_harness.Router, _harness.Routing));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Submit_WithActiveModel_StoresRankedSuggestionsOfActiveDepartmentsOnly()
    {
        var opinion = await SubmitAsync("小区电梯坏了一个月没人修", "我们楼的电梯停运一个月，物业一直拖着不修，老人上下楼很困难。");

        Assert.Equal(_harness.UrbanId, opinion.SuggestedDepartmentId);
        Assert.Equal(ModelVersion, opinion.SuggestedByModelVersion);
        var suggestion = Assert.Single(opinion.Suggestions); // 交通出行 and 市政 are not labels of the model; 原市政处 is inactive
        Assert.Equal(opinion.SuggestionConfidence, suggestion.Confidence);
        Assert.InRange(suggestion.Confidence, 0f, 1f);
    }

    [Fact]
    public async Task Register_AboveThreshold_IsAssignedByTheRouterWithConfidenceInHistory()
    {
        await SetAsync(RoutingMode.AutoAssign, threshold: 0.05f);
        var submitted = await SubmitAsync("小区电梯坏了一个月没人修", "我们楼的电梯停运一个月，物业一直拖着不修。");

        await _harness.Workflow.RegisterAsync(submitted.Id, submitted.Version, _harness.Moderator);

        var opinion = await LoadAsync(submitted.Id);
        Assert.Equal(OpinionStatus.Assigned, opinion.Status);
        Assert.Equal(_harness.UrbanId, opinion.DepartmentId);
        Assert.True(opinion.AssignedByRouter);
        Assert.Equal(_harness.UrbanId, opinion.InitialDepartmentId);
        Assert.NotNull(opinion.Deadline);
        var last = opinion.Events.OrderBy(e => e.Id).Last();
        Assert.Equal(OpinionAction.Assigned, last.Action);
        Assert.Equal(ActorRef.Router.Name, last.ActorName);
        Assert.Null(last.ActorUserId);
        Assert.Contains("置信度", last.Note, StringComparison.Ordinal);
        Assert.Contains($"v{ModelVersion}", last.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RoutingMode.AutoAssign, 1.5f)] // out of reach: the fixture model can be fully confident
    [InlineData(RoutingMode.SuggestOnly, 0.05f)]
    public async Task Register_BelowThresholdOrSuggestOnly_WaitsForTheModerator(RoutingMode mode, float threshold)
    {
        await SetAsync(mode, threshold);
        var submitted = await SubmitAsync("小区电梯坏了一个月没人修", "我们楼的电梯停运一个月，物业一直拖着不修。");

        await _harness.Workflow.RegisterAsync(submitted.Id, submitted.Version, _harness.Moderator);

        var opinion = await LoadAsync(submitted.Id);
        Assert.Equal(OpinionStatus.Registered, opinion.Status);
        Assert.Null(opinion.DepartmentId);
        Assert.Equal(_harness.UrbanId, opinion.SuggestedDepartmentId); // still one click away
    }

    [Fact]
    public async Task Submit_WithRoutingOff_StoresNoSuggestion()
    {
        await SetAsync(RoutingMode.Off, null);

        var opinion = await SubmitAsync("小区电梯坏了一个月没人修", "电梯停运一个月。");

        Assert.Null(opinion.SuggestedDepartmentId);
        Assert.Empty(opinion.Suggestions);
    }

    [Fact]
    public async Task Register_AfterTheModelWasUnloaded_WaitsForTheModerator()
    {
        await SetAsync(RoutingMode.AutoAssign, 0.05f);
        var submitted = await SubmitAsync("小区电梯坏了一个月没人修", "电梯停运一个月。");
        _harness.Router.Fail("模型文件损坏");

        await _harness.Workflow.RegisterAsync(submitted.Id, submitted.Version, _harness.Moderator);

        Assert.Equal(OpinionStatus.Registered, (await LoadAsync(submitted.Id)).Status);
        Assert.Equal(RouterState.Failed, _harness.Router.Status.State);
    }

    [Fact]
    public async Task ModeratorCorrectionAndReturn_AreKeptForTheRouterFigures()
    {
        await SetAsync(RoutingMode.SuggestOnly, null);
        var submitted = await SubmitAsync("小区电梯坏了一个月没人修", "电梯停运一个月。");
        await _harness.RegisterAsync(submitted.Id);
        await _harness.AssignAsync(submitted.Id, _harness.TransportId); // the moderator overrules the router
        await _harness.ReturnAsync(submitted.Id, "不属于交通局职责");
        await _harness.AssignAsync(submitted.Id, _harness.UrbanId);

        var opinion = await LoadAsync(submitted.Id);
        Assert.Equal(_harness.TransportId, opinion.InitialDepartmentId);
        Assert.False(opinion.AssignedByRouter);
        Assert.Equal(1, opinion.ReturnCount);
        Assert.Equal(_harness.UrbanId, opinion.DepartmentId);
    }

    private async Task SetAsync(RoutingMode mode, float? threshold)
    {
        await using var db = _harness.Database.CreateDbContext();
        db.RoutingSettings.Add(new RoutingSettings { Mode = mode, ThresholdOverride = threshold });
        await db.SaveChangesAsync();
        _harness.Routing.Invalidate();
    }

    private async Task<Opinion> SubmitAsync(string title, string body)
    {
        var input = WorkflowHarness.Input(title);
        input.Body = body;
        var receipt = await _workflow.SubmitAsync(input, OpinionChannel.OpinionBox, null);
        return await LoadAsync(receipt.OpinionId);
    }

    private async Task<Opinion> LoadAsync(int id)
    {
        await using var db = _harness.Database.CreateDbContext();
        return await db.Opinions.Include(o => o.Events).AsNoTracking().SingleAsync(o => o.Id == id);
    }
}
