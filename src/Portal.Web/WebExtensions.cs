using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Portal.Data;
using Portal.Data.Staff;
using Portal.Web.Accessibility;
using Portal.Web.Analysis;
using Portal.Web.Content;
using Portal.Web.Exports;
using Portal.Web.Health;
using Portal.Web.Pledges;
using Portal.Web.PublicPages;
using Portal.Web.Receptions;
using Portal.Web.Security;

namespace Portal.Web;

public static class WebExtensions
{
    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Build output outside Development still serves _framework and _content files (see STACK-NOTES).
        builder.WebHost.UseStaticWebAssets();
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo("zh-CN");

        var services = builder.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Readable UTF-8 Chinese in server-rendered HTML instead of &#x...; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddPortalHealthChecks();

        services.AddStaffIdentity();
        services.AddAccessDeniedAudit();
        services.AddAntiforgery(o => o.Cookie.Name = "portal.af");
        // Keys survive restarts, so sign-ins and forms in flight stay valid (DataProtection:KeysPath, relative to the content root).
        services.AddDataProtection()
            .SetApplicationName("portal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath,
                builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keys ? keys : Path.Combine("App_Data", "keys")))));

        services.AddTrustedProxies();
        services.AddPortalRateLimiting();
        services.AddBotTrap();
        services.AddPortalSecurityHeaders();
        services.AddPublicPageCache();
        services.AddExceptionHandler<UnhandledErrors>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton(sp => new ContentPageStore(
            ContentRoot(sp.GetRequiredService<IOptions<PortalOptions>>().Value, sp.GetRequiredService<IWebHostEnvironment>()),
            sp.GetRequiredService<MarkdownRenderer>(),
            sp.GetRequiredService<TimeProvider>(),
            async ct =>
            {
                // Every public page shows the content pages in its footer.
                foreach (var listener in sp.GetServices<Portal.Data.PublicContent.IPublicContentListener>())
                    await listener.ChangedAsync(Portal.Data.PublicContent.PublicContentKinds.All, ct).ConfigureAwait(false);
            }));
        return builder;
    }

    /// <summary>The content folder: the configured path (relative to the content root), else the copy next to the binaries.</summary>
    private static string ContentRoot(PortalOptions options, IWebHostEnvironment environment)
    {
        var configured = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.ContentPath));
        return Directory.Exists(configured) ? configured : Path.Combine(AppContext.BaseDirectory, "wwwroot-content");
    }


    /// <summary>Pages answer HEAD as well as GET (uptime monitors, link checkers); Kestrel sends no body for HEAD.</summary>
    public static RazorComponentsEndpointConventionBuilder AllowHead(this RazorComponentsEndpointConventionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Remove(methods);
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPortalHealthChecks();
        endpoints.MapReceptionCalendars();
        endpoints.MapLedgerExport();
        endpoints.MapPledgeLedger();
        endpoints.MapBriefingExports();
        endpoints.MapStaffSignOut();
        endpoints.MapTextSizePreference();
        return endpoints;
    }
}
