using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Portal.Moderation.Opinions;

namespace Portal.Web.Tests;

/// <summary>
/// The one bunit context: MudBlazor services, loose JS interop, the portal's clock and time zone. Tests that
/// need more services register them through <paramref name="configureServices"/>: the renderer is set up here,
/// after which the service collection is closed. Disposed asynchronously (some MudBlazor services are
/// only <see cref="IAsyncDisposable"/>).
/// </summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    protected PortalTestContext(Action<IServiceCollection>? configureServices = null)
    {
        Services.AddMudServices();
        Services.AddSingleton(new DeadlinePolicy(Options.Create(new WorkflowOptions())));
        configureServices?.Invoke(Services);
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DisposeTestResourcesAsync();
    }

    /// <summary>Releases what the test set up besides the context, after the rendered components are gone.</summary>
    protected virtual ValueTask DisposeTestResourcesAsync() => ValueTask.CompletedTask;
}
