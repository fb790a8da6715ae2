using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Moderation.Tests.Support;

/// <summary>
/// Holds every SaveChanges back until the armed number of contexts have reached it, so that two workflow
/// steps that both passed their version check really do save at the same time.
/// </summary>
public sealed class SaveGate : SaveChangesInterceptor
{
    private TaskCompletionSource? _allArrived;
    private int _expected;
    private int _arrived;

    public void Arm(int parties)
    {
        _expected = parties;
        _arrived = 0;
        _allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_allArrived is { } gate)
        {
            if (Interlocked.Increment(ref _arrived) == _expected)
                gate.TrySetResult();
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return result;
    }
}
