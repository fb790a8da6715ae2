using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.HotIssues;

/// <summary>
/// Runs the incremental grouping off the request path: shortly after any opinion changes (a registration
/// included) and every <see cref="HotIssueOptions.IntervalSeconds"/>. A submission never waits for it.
/// </summary>
public sealed partial class HotIssueGroupingWorker(
    HotIssueGrouping grouping,
    OpinionNotifier notifier,
    IOptions<HotIssueOptions> options,
    ILogger<HotIssueGroupingWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundGrouping)
            return;
        using var subscription = notifier.Subscribe(_ =>
        {
            if (_signal.CurrentCount == 0)
            {
                try
                {
                    _signal.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Another change already woke the worker.
                }
            }

            return Task.CompletedTask;
        });
        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grouping.GroupPendingAsync(stoppingToken).ConfigureAwait(false);
                await _signal.WaitAsync(interval, stoppingToken).ConfigureAwait(false);
                // Let a burst of changes settle into one run.
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The next run tries again; the failure is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
                await Task.Delay(interval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hot-issue grouping failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
