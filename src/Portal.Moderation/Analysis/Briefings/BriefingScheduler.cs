using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Moderation.Analysis.Briefings;

/// <summary>
/// Generates the weekly and monthly briefings once they are due (Monday and the 1st, 08:00 local). It looks
/// at start-up and then every <see cref="BriefingOptions.CheckIntervalMinutes"/>; what exists is never made
/// twice (the service checks, and a unique index backs it), so restarts and several instances are safe.
/// </summary>
public sealed partial class BriefingScheduler(
    IServiceScopeFactory scopes,
    IOptions<BriefingOptions> options,
    TimeProvider clock,
    ILogger<BriefingScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.GenerateOnSchedule)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BriefingService>().GenerateDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(options.Value.CheckIntervalMinutes), clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Generating the due briefings failed; the next check tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
