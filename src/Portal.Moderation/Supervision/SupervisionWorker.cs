using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Moderation.Supervision;

/// <summary>
/// Applies the escalation rules at start and then every <see cref="SupervisionOptions.IntervalMinutes"/>
/// (timed by the <see cref="TimeProvider"/>). A failed pass is logged and retried at the next tick.
/// </summary>
public sealed partial class SupervisionWorker(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<SupervisionOptions> options,
    ILogger<SupervisionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), clock);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SupervisionService>().RunAsync(stoppingToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One failed pass must not stop supervision: the next tick tries again.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Supervision pass failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
