using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Routing;

namespace Portal.IntegrationTests.Http;

/// <summary>
/// A fresh portal routes out of the box: the first model is trained at start-up from the seed corpus and the
/// demo history, and a resident's opinion posted through the real form gets ranked suggestions.
/// </summary>
public sealed class RouterStartupTests(RoutedPortalAppFactory app) : IClassFixture<RoutedPortalAppFactory>
{
    [Fact]
    public async Task FreshStart_TrainsAndActivatesAFirstModel_WithAnEvaluatedThreshold()
    {
        using var client = app.CreateClient();
        await client.GetStringOkAsync("/");

        var host = app.Services.GetRequiredService<RouterHost>();
        Assert.Equal(RouterState.Ready, host.Status.State);
        var active = Assert.IsType<ActiveModel>(host.Active);
        Assert.Equal(1, active.Version);
        Assert.NotNull(active.Model.Metadata.Evaluation);
        Assert.InRange(active.Model.Metadata.Threshold, 0f, 1f);
        Assert.Equal(7, active.Model.Metadata.Labels.Count);
    }

    [Fact]
    public async Task ResidentForm_StoresTheRoutersThreeRankedSuggestions()
    {
        using var client = app.CreateClient();
        var response = await client.PostFormAsync("/opinions/new", "submit-opinion",
        [
            new("Model.Kind", nameof(OpinionKind.Complaint)),
            new("Model.Title", "小学门口接送车辆乱停，孩子上学很危险"),
            new("Model.Body", "每天早上学校门口家长接送车辆乱停乱放，学生上学要从车缝里穿过去，希望学校和有关部门加强管理，保障孩子上下学安全。"),
            new("Model.ResidentName", "孙丽"),
            new("Model.ResidentContact", "13700001111"),
        ]);
        var code = FormClient.TrackingCode(await response.Content.ReadAsStringAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var opinion = await db.Opinions.AsNoTracking().SingleAsync(o => o.TrackingCode == code.Replace("-", "", StringComparison.Ordinal));
        Assert.Equal(Opinion.MaxSuggestions, opinion.Suggestions.Count);
        Assert.Equal(opinion.SuggestedDepartmentId, opinion.Suggestions[0].DepartmentId);
        Assert.Equal(1, opinion.SuggestedByModelVersion);
        Assert.True(opinion.Suggestions.Zip(opinion.Suggestions.Skip(1)).All(p => p.First.Confidence >= p.Second.Confidence));
    }

    [Fact]
    public async Task AdminRoutingPage_ShowsTheActiveModelToAnAdministrator()
    {
        using var admin = await app.SignedInClientAsync("admin");

        var html = await admin.GetStringOkAsync("/staff/admin/routing");

        Assert.Contains("智能分流", html, StringComparison.Ordinal);
        Assert.Contains("v1", html, StringComparison.Ordinal);
    }
}
