using Microsoft.Extensions.Logging;
using Portal.Data.Staff;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Routing;

/// <summary>
/// Runs one training at a time in the background, so an administrator can leave the page and come back;
/// the page follows <see cref="Changed"/> for the progress bar and the outcome.
/// </summary>
public sealed partial class RouterTrainingJob(RouterRegistry registry, ILogger<RouterTrainingJob> logger)
{
    private readonly Lock _lock = new();
    private TrainingJobState _state = TrainingJobState.Idle;

    /// <summary>Raised (on a background thread) when progress or the outcome changes.</summary>
    public event Action<TrainingJobState>? Changed;

    public TrainingJobState State
    {
        get
        {
            lock (_lock)
                return _state;
        }
    }

    /// <summary>Starts training unless one is running. Returns false when one is already running.</summary>
    public bool Start(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(StaffRoles.Admin))
            throw new WorkflowAccessDeniedException("只有系统管理员可以训练分类模型。");
        lock (_lock)
        {
            if (_state.IsRunning)
                return false;
            _state = new TrainingJobState(true, new TrainingProgress("准备中", 0), null, null);
        }

        Changed?.Invoke(State);
        _ = Task.Run(() => RunAsync(actor.Name));
        return true;
    }

    private async Task RunAsync(string trainedBy)
    {
        var progress = new Progress(this);
        try
        {
            var model = await registry.TrainAsync(trainedBy, progress, CancellationToken.None).ConfigureAwait(false);
            Set(new TrainingJobState(false, new TrainingProgress("完成", 1), model.Version, null));
        }
#pragma warning disable CA1031 // The outcome, whatever it is, is shown to the administrator.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
            var message = ex is RouterTrainingException or InvalidOperationException ? ex.Message : "训练失败，详情见服务器日志。";
            Set(new TrainingJobState(false, State.Progress, null, message));
        }
    }

    private void Set(TrainingJobState state)
    {
        lock (_lock)
            _state = state;
        Changed?.Invoke(state);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Router training failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    private sealed class Progress(RouterTrainingJob job) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => job.Set(job.State with { Progress = value });
    }
}

/// <param name="IsRunning">A training is in progress.</param>
/// <param name="Progress">Its latest step.</param>
/// <param name="TrainedVersion">The version of the model the last run produced (a candidate to activate).</param>
/// <param name="Error">Why the last run failed, in Chinese.</param>
public sealed record TrainingJobState(bool IsRunning, TrainingProgress Progress, int? TrainedVersion, string? Error)
{
    public static TrainingJobState Idle { get; } = new(false, new TrainingProgress("", 0), null, null);
}
