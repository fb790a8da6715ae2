using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data.Opinions;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Opinions;
using Portal.Moderation.Routing;

namespace Portal.IntegrationTests.Reliability;

/// <summary>Nothing that fails around the opinion box loses a submission or takes the portal down.</summary>
[Collection(PortalCollection.Name)]
public sealed class SubmissionSafetyTests(PortalAppFactory app)
{
    [Fact]
    public async Task Submit_WhenTheRouterThrows_GivesAReceipt_AndTheOpinionWaitsForManualRouting()
    {
        using var portal = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IDepartmentRouter, BrokenRouter>()));
        var client = portal.CreateClient();

        var response = await client.PostFormAsync("/opinions/new", "submit-opinion", new Dictionary<string, string>
        {
            ["Model.Kind"] = "Complaint",
            ["Model.Title"] = "分类模型出错时提交的意见",
            ["Model.Body"] = "西关小区门口的垃圾桶连续三天没有清运，气味很大，请尽快处理。",
            ["Model.ResidentName"] = "李卫东",
            ["Model.ResidentContact"] = "13900002222",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = FormClient.TrackingCode(await response.Content.ReadAsStringAsync());
        var moderator = await app.ActorAsync("moderator");
        var queue = await app.WithAsync<OpinionQueries, PagedResult<OpinionListItem>>(q => q.GetPageAsync(new OpinionPageRequest(OpinionListScope.ModerationQueue, Search: code), moderator));
        var stored = Assert.Single(queue.Items, i => i.TrackingCode == code.Replace("-", "", StringComparison.Ordinal));
        Assert.Equal((OpinionStatus.Submitted, null, null), (stored.Status, stored.SuggestedDepartmentName, stored.DepartmentName));
    }

    [Fact]
    public async Task ABackgroundServiceThatThrows_DoesNotStopThePortal()
    {
        using var portal = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddHostedService<FailingWorker>()));
        var client = portal.CreateClient();
        var lifetime = portal.Services.GetRequiredService<IHostApplicationLifetime>();

        await FailingWorker.Failed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200); // the host reacts to the failed task after it completes

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/opinions/new")).StatusCode);
    }

    private sealed class BrokenRouter : IDepartmentRouter
    {
        public ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The model file is corrupt.");
    }

    private sealed class FailingWorker : BackgroundService
    {
        public static TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            Failed.TrySetResult();
            throw new InvalidOperationException("A scheduled job failed.");
        }
    }
}
