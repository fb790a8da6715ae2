using Portal.Data;
using Portal.Moderation;
using Portal.Web;
using Portal.Web.Components;
using Portal.Web.Diagnostics;
using Portal.Web.PublicPages;
using Portal.Web.Security;
using Portal.Web.Startup;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.AddPortalModeration();
builder.AddPortalWeb();

var app = builder.Build();

if (CreateAdminCommand.IsRequested(args))
    return await CreateAdminCommand.RunAsync(app, args);
if (BackupCommand.IsRequested(args))
    return await BackupCommand.RunAsync(app, args);

app.UseDbCommandsPerRequestLog();
app.UseTrustedProxies();
if (!app.Environment.IsDevelopment())
    app.UseHsts();

app.UsePortalErrorPages();
app.UsePortalSecurityHeaders();
app.UseDeviceCookies();
app.UseRateLimiter();
app.UseAuthentication();
app.UseBlazorHubOriginCheck();
app.UseAuthorization();
app.UsePublicPageCache();
app.UseAntiforgery();
app.UseBotTrap();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    // Framing is refused by the portal's own policy (SecurityHeaders): no second, laxer CSP header from Blazor.
    .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
    .AllowHead()
    .CachePublicPages(app.Services);
app.MapPortalEndpoints();

await app.InitializePortalAsync();
await app.RunAsync();
return 0;

/// <summary>Hosted by the integration tests.</summary>
public partial class Program;
