using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Portal.Moderation.Opinions;

namespace Portal.Web.Tests;

/// <summary>The one bunit context: MudBlazor services, loose JS interop, the portal's clock and time zone.</summary>
public abstract class PortalTestContext : BunitContext
{
    /// <param name="addServices">Services of the component under test (they must be added before the renderer starts).</param>
    protected PortalTestContext(Action<IServiceCollection>? addServices = null)
    {
        Services.AddMudServices();
        Services.AddSingleton(new DeadlinePolicy(Options.Create(new WorkflowOptions())));
        addServices?.Invoke(Services);
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }
}
