using Portal.Data.Opinions;
using Portal.Moderation.Routing;

namespace Portal.Moderation.Tests.Support;

/// <summary>Always proposes the same department.</summary>
public sealed class FixedRouter(int departmentId, float confidence) : IDepartmentRouter
{
    public ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RoutingSuggestion?>(new RoutingSuggestion([new DepartmentSuggestion(departmentId, confidence)], 1));
}

/// <summary>A router that fails (a broken model file, say).</summary>
public sealed class ThrowingRouter : IDepartmentRouter
{
    public ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The model file is corrupt.");
}

/// <summary>A router that fails asynchronously.</summary>
public sealed class FaultedRouter : IDepartmentRouter
{
    public async ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new InvalidOperationException("The model server went away.");
    }
}

/// <summary>
/// A router that takes <paramref name="delay"/> before proposing a department. When
/// <paramref name="honoursCancellation"/> is false it ignores the token, as synchronous CPU-bound
/// prediction (ML.NET's PredictionEngine) does.
/// </summary>
public sealed class SlowRouter(TimeSpan delay, int departmentId, bool honoursCancellation) : IDepartmentRouter
{
    public async ValueTask<RoutingSuggestion?> SuggestAsync(string title, string body, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, honoursCancellation ? cancellationToken : CancellationToken.None);
        return new RoutingSuggestion([new DepartmentSuggestion(departmentId, 0.9f)], 1);
    }
}
