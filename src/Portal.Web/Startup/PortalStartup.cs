using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Moderation.Routing;
using Portal.Moderation.Seeding;
using Portal.Moderation.Staff;
using Portal.Moderation.Supervision;

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
            await services.GetRequiredService<CalendarSeeder>().SeedAsync().ConfigureAwait(false);
            if (services.GetRequiredService<IOptions<PortalOptions>>().Value.SeedDemoData)
            {
                await services.GetRequiredService<DemoDataSeeder>().SeedAsync().ConfigureAwait(false);
                await services.GetRequiredService<ReceptionDemoSeeder>().SeedAsync().ConfigureAwait(false);
                await services.GetRequiredService<ReceptionRecordsDemoSeeder>().SeedAsync().ConfigureAwait(false);
                await services.GetRequiredService<PledgeEvaluationDemoSeeder>().SeedAsync().ConfigureAwait(false);
                await services.GetRequiredService<SupervisionDemoSeeder>().SeedAsync().ConfigureAwait(false);
                await services.GetRequiredService<HotIssueDemoSeeder>().SeedAsync().ConfigureAwait(false);
            }
        }

        // After seeding: a first model learns from the seed corpus and the demo history.
        await app.Services.GetRequiredService<RouterRegistry>().InitializeAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);

        var seeded = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.SeedDemoData;
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, seeded));
    }

    private static string RouterLine(RouterHost router) => router.Active is { } active
        ? $"model v{active.Version} ready, cross-validated macro-F1 {active.Model.Metadata.Evaluation?.MacroF1:F3}, auto-assign threshold {active.Model.Metadata.Threshold:F2}"
        : $"{router.Status.State} — opinions are routed by moderators. {router.Status.Message}";

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
            $" Department router: {RouterLine(app.Services.GetRequiredService<RouterHost>())}",
        };
        if (demo)
        {
            lines.Add($" Demo staff accounts (password for all: {DemoDataSeeder.DemoPassword}):");
            lines.AddRange(DemoDataSeeder.DemoAccounts.Select(a => $"   {a.UserName,-34} {a.Role,-10} {a.DisplayName}"));
            lines.AddRange(PledgeEvaluationDemoSeeder.DemoMembers.Select(m =>
                $"   {m.UserName,-34} {"PartyMember",-10} {m.Name}（{m.Branch}{(m.Secretary ? "书记" : "党员")}）"));
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
