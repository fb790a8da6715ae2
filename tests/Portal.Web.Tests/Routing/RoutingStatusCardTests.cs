using Microsoft.AspNetCore.Components.Web;
using Portal.Data.Routing;
using Portal.Moderation.Routing;
using Portal.Web.Components.Pages.Staff.Admin.RoutingPanels;

namespace Portal.Web.Tests.Routing;

public sealed class RoutingStatusCardTests : PortalTestContext
{
    private readonly RoutingTestServices _routing;

    public RoutingStatusCardTests()
        : this(new RoutingTestServices())
    {
    }

    private RoutingStatusCardTests(RoutingTestServices routing)
        : base(routing.Register) => _routing = routing;

    public override Task InitializeAsync() => _routing.InitializeAsync();

    protected override ValueTask DisposeTestResourcesAsync() => _routing.DisposeAsync();

    private IRenderedComponent<RoutingStatusCard> RenderCard(RouterStatus status, RoutingSettings? settings = null, float? modelThreshold = null, Action? saved = null) =>
        Render<RoutingStatusCard>(p => p
            .Add(c => c.Status, status)
            .Add(c => c.Settings, settings ?? new RoutingSettings())
            .Add(c => c.ModelThreshold, modelThreshold)
            .Add(c => c.Actor, RoutingTestServices.Admin)
            .Add(c => c.Saved, () => saved?.Invoke()));

    [Fact]
    public void Ready_ShowsTheActiveVersion()
    {
        var cut = RenderCard(new RouterStatus(RouterState.Ready, 3, null, DateTime.UtcNow), modelThreshold: 0.74f);

        var alert = cut.Find(".mud-alert");
        Assert.Contains("分类模型运行中：当前启用 v3", alert.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("人工分办", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_ShowsTheMessage_AndThatOpinionsGoToManualRouting()
    {
        var cut = RenderCard(new RouterStatus(RouterState.Failed, null, "模型文件 v3 不存在。", DateTime.UtcNow));

        var alert = cut.Find(".mud-alert");
        Assert.Contains("分类模型加载失败", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("所有意见均转人工分办", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("模型文件 v3 不存在。", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoModel_SaysOpinionsGoToManualRouting_AndAsksForTraining()
    {
        var cut = RenderCard(new RouterStatus(RouterState.NoModel, null, null, DateTime.UtcNow));

        var alert = cut.Find(".mud-alert");
        Assert.Contains("尚无可用的分类模型", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("所有意见均转人工分办", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("训练并启用模型", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ThresholdLeftEmpty_ShowsTheModelsThresholdAsTheDefault()
    {
        var cut = RenderCard(new RouterStatus(RouterState.Ready, 3, null, DateTime.UtcNow), new RoutingSettings { ThresholdOverride = null }, modelThreshold: 0.74f);

        Assert.True(string.IsNullOrEmpty(ThresholdInput(cut).GetAttribute("value")));
        Assert.Contains("留空则使用模型评估得出的阈值 0.74", cut.Find(".mud-input-helper-text").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredOverride_IsShownInTheThresholdField()
    {
        var cut = RenderCard(new RouterStatus(RouterState.Ready, 3, null, DateTime.UtcNow), new RoutingSettings { ThresholdOverride = 0.9f }, modelThreshold: 0.74f);

        Assert.Equal("0.90", ThresholdInput(cut).GetAttribute("value"));
    }

    [Fact]
    public async Task Save_StoresTheModeAndThreshold_AndRaisesSaved()
    {
        var saved = 0;
        var cut = RenderCard(new RouterStatus(RouterState.Ready, 3, null, DateTime.UtcNow), await _routing.Service.GetSettingsAsync(), 0.74f, () => saved++);

        cut.FindAll("input[type=radio]")[1].Click(); // 仅建议（审核员确认）
        ThresholdInput(cut).Change("0.8");
        await SaveButton(cut).ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(1, saved));
        var stored = await _routing.Service.GetSettingsAsync();
        Assert.Equal(RoutingMode.SuggestOnly, stored.Mode);
        Assert.Equal(0.8f, stored.ThresholdOverride);
        Assert.NotEqual(default, stored.UpdatedAt);
    }

    [Fact]
    public async Task Save_WithTheFieldCleared_StoresNoOverride()
    {
        await _routing.Service.UpdateSettingsAsync(RoutingMode.AutoAssign, 0.9f, 0, RoutingTestServices.Admin);
        var saved = 0;
        var cut = RenderCard(new RouterStatus(RouterState.Ready, 3, null, DateTime.UtcNow), await _routing.Service.GetSettingsAsync(), 0.74f, () => saved++);

        ThresholdInput(cut).Change("");
        await SaveButton(cut).ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(1, saved));
        var stored = await _routing.Service.GetSettingsAsync();
        Assert.Equal(RoutingMode.AutoAssign, stored.Mode);
        Assert.Null(stored.ThresholdOverride);
    }

    private static AngleSharp.Dom.IElement ThresholdInput(IRenderedComponent<RoutingStatusCard> cut) =>
        cut.FindAll("input").Single(i => i.GetAttribute("type") is not "radio" and not "hidden");

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<RoutingStatusCard> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("保存设置", StringComparison.Ordinal));
}
