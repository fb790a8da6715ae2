using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using Portal.Web.Security;

namespace Portal.Web.Components.Shared;

/// <summary>
/// Base of the staff workspaces: resolves the signed-in staff member as a workflow actor and, on request,
/// reloads the page when an opinion changes anywhere (live refresh).
/// </summary>
public abstract class StaffComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private OpinionNotifier Notifier { get; set; } = default!;

    /// <summary>The signed-in staff member (pages require authentication, so this is set before first use).</summary>
    protected StaffActor Actor { get; private set; } = new("", "", new HashSet<string>(), null);

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
            Actor = StaffActors.From((await AuthenticationState).User) ?? Actor;
        await OnActorReadyAsync();
    }

    /// <summary>Runs once the actor is known.</summary>
    protected virtual Task OnActorReadyAsync() => Task.CompletedTask;

    /// <summary>Calls <paramref name="reload"/> (on the renderer's thread) whenever an opinion that passes <paramref name="filter"/> changes.</summary>
    protected void RefreshOnChange(Func<Task> reload, Func<OpinionChange, bool>? filter = null)
    {
        _subscription?.Dispose();
        _subscription = Notifier.Subscribe(change => filter is null || filter(change)
            ? InvokeAsync(async () =>
            {
                await reload();
                StateHasChanged();
            })
            : Task.CompletedTask);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            _subscription?.Dispose();
    }
}
