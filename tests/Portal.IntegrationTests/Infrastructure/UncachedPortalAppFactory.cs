using Microsoft.AspNetCore.Hosting;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal with its output cache off (<c>OutputCache:Enabled=false</c>), every page rendered fresh; the test server
/// runs requests in the caller's execution context, so a <c>DbCommandCounter</c> scope opened by a test counts the
/// SQL commands of the requests it sends. The per-request log of those counts is on (<c>Diagnostics:LogDbCommandsPerRequest</c>).
/// </summary>
public sealed class UncachedPortalAppFactory : PortalAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OutputCache:Enabled", "false");
        builder.UseSetting("Diagnostics:LogDbCommandsPerRequest", "true");
    }

    /// <summary>A client whose requests run in the caller's async flow.</summary>
    public HttpClient CreateFlowingClient()
    {
        Server.PreserveExecutionContext = true;
        return CreateClient(new() { AllowAutoRedirect = false });
    }
}
