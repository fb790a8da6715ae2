using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Supervision;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Supervision;

/// <summary>The background service: a pass at start (on the injected clock), nothing when disabled.</summary>
public sealed class SupervisionWorkerTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await WorkflowHarness.CreateAsync();
        await _h.OpinionInAsync(OpinionStatus.InProgress);
        _h.At(new DateTimeOffset(2026, 3, 23, 2, 0, 0, TimeSpan.Zero)); // overdue since the end of 20 March
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Worker_WhenEnabled_RunsAPassAtStart()
    {
        using var worker = Worker(enabled: true);

        await worker.StartAsync(CancellationToken.None);
        var issued = await WaitForNoticeAsync(TimeSpan.FromSeconds(20));
        await worker.StopAsync(CancellationToken.None);

        Assert.True(issued);
    }

    [Fact]
    public async Task Worker_WhenDisabled_IssuesNothing()
    {
        using var worker = Worker(enabled: false);

        await worker.StartAsync(CancellationToken.None);
        await (worker.ExecuteTask ?? Task.CompletedTask);
        await worker.StopAsync(CancellationToken.None);

        Assert.False(await WaitForNoticeAsync(TimeSpan.Zero));
    }

    private SupervisionWorker Worker(bool enabled)
    {
        var options = Options.Create(new SupervisionOptions { Enabled = enabled });
        var services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<PortalDbContext>>(_h.Database)
            .AddSingleton(_h.Deadlines)
            .AddSingleton(_h.Notifier)
            .AddSingleton<TimeProvider>(_h.Clock)
            .AddSingleton(options)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddScoped<SupervisionService>()
            .BuildServiceProvider();
        return new SupervisionWorker(services.GetRequiredService<IServiceScopeFactory>(), _h.Clock, options, NullLogger<SupervisionWorker>.Instance);
    }

    private async Task<bool> WaitForNoticeAsync(TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        do
        {
            await using (var db = _h.Database.CreateDbContext())
            {
                if (await db.SupervisionNotices.AnyAsync())
                    return true;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);
        return false;
    }
}
