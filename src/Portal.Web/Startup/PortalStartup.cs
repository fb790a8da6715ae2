using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Moderation.Seeding;
using Portal.Moderation.Staff;

namespace Portal.Web.Startup;

public static partial class PortalStartup
{
    /// <summary>
    /// Prepares the portal before it serves: applies migrations, creates the roles, seeds the demo data when
    /// configured (Development), and prints the address and the demo accounts once the server listens.
    /// </summary>
    public static async Task InitializePortalAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync().ConfigureAwait(false);
            await services.GetRequiredService<IdentitySetup>().EnsureRolesAsync().ConfigureAwait(false);
            if (services.GetRequiredService<IOptions<PortalOptions>>().Value.SeedDemoData)
                await services.GetRequiredService<DemoDataSeeder>().SeedAsync().ConfigureAwait(false);
        }

        var seeded = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.SeedDemoData;
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, seeded));
    }

    private static void PrintBanner(WebApplication app, bool demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "(see the log above)";
        var lines = new List<string>
        {
            "",
            "==============================================================",
            $" 群众意见征集平台 is running: {url}",
            $" Staff sign-in: {url.TrimEnd('/')}/account/login",
        };
        if (demo)
        {
            lines.Add($" Demo staff accounts (password for all: {DemoDataSeeder.DemoPassword}):");
            lines.AddRange(DemoDataSeeder.DemoAccounts.Select(a => $"   {a.UserName,-34} {a.Role,-10} {a.DisplayName}"));
        }
        else
        {
            lines.Add(" No demo data. Create the first administrator with:");
            lines.Add("   dotnet run --project src/Portal.Web -- create-admin --user <name> --display-name <姓名>");
        }

        lines.Add("==============================================================");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        Console.Out.Flush();
    }
}
