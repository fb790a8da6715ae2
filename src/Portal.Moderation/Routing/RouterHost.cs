using Microsoft.Extensions.Logging;

namespace Portal.Moderation.Routing;

/// <summary>Where the router stands, for the admin page.</summary>
public enum RouterState
{
    /// <summary>No model has been loaded yet (first start, or none trained).</summary>
    NoModel,

    /// <summary>A model is active and routing.</summary>
    Ready,

    /// <summary>The active model could not be loaded; opinions go to manual routing.</summary>
    Failed,
}

/// <param name="State">Whether a model is routing.</param>
/// <param name="ModelVersion">The active model's version, when one is loaded.</param>
/// <param name="Message">What went wrong, in Chinese, when <paramref name="State"/> is Failed.</param>
/// <param name="Since">When the state last changed (UTC).</param>
public sealed record RouterStatus(RouterState State, int? ModelVersion, string? Message, DateTime Since);

/// <summary>
/// Holds the active router model. Activation swaps the reference atomically, so a new model takes over
/// without a restart and predictions in flight finish on the model they started with.
/// </summary>
public sealed partial class RouterHost(TimeProvider clock, ILogger<RouterHost> logger)
{
    private volatile ActiveModel? _active;
    private volatile RouterStatus _status = new(RouterState.NoModel, null, null, clock.GetUtcNow().UtcDateTime);

    public RouterStatus Status => _status;

    /// <summary>The active model and its version, or null.</summary>
    public ActiveModel? Active => _active;

    /// <summary>
    /// Makes <paramref name="model"/> the one that routes. It predicts once first, so the first resident
    /// after a swap does not pay for JIT and engine creation (and miss the router's time limit).
    /// </summary>
    public void Activate(RouterModel model, int version)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Predict("预热", "模型启用前的预热预测");
        _active = new ActiveModel(model, version);
        _status = new RouterStatus(RouterState.Ready, version, null, clock.GetUtcNow().UtcDateTime);
        LogActivated(logger, version);
    }

    /// <summary>Records that the model could not be loaded; routing falls back to moderators.</summary>
    public void Fail(string message, Exception? exception = null)
    {
        _active = null;
        _status = new RouterStatus(RouterState.Failed, null, message, clock.GetUtcNow().UtcDateTime);
        LogFailed(logger, message, exception);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Router model v{Version} is active")]
    private static partial void LogActivated(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Router model unavailable: {Message}; opinions go to manual routing")]
    private static partial void LogFailed(ILogger logger, string message, Exception? exception);
}

/// <param name="Model">The loaded model.</param>
/// <param name="Version">Its registry version.</param>
public sealed record ActiveModel(RouterModel Model, int Version);
