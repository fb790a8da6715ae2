using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data.Staff;
using Portal.Moderation.Seeding;
using Portal.Moderation.Staff;
using Portal.Web;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal over a temporary SQLite file, seeded with the demo data (departments, accounts, opinions).
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "portal.db");

    /// <summary>Every line the portal logged while this factory's host ran.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("Database:Path", DatabasePath);
        if (SeedDemoData)
            builder.UseSetting("Portal:SeedDemoData", "true");
        // The general host signs "admin" in with the password alone; the two-factor rule for admins is on in every
        // environment and tested with it on (Security/TwoFactorTests, SecurePortalAppFactory).
        builder.UseSetting("StaffSecurity:RequireTwoFactorForAdmins", "false");
        // Workflow tests post many forms from one address, at once: limits and fill time are tested on their own.
        foreach (var limit in typeof(RateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(int)))
            builder.UseSetting($"{RateLimitOptions.SectionName}:{limit.Name}", "10000");
        builder.UseSetting("BotTrap:MinimumFillSeconds", "0");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_directory, "keys"));
        builder.UseSetting("Routing:ModelsPath", Path.Combine(_directory, "models"));
        builder.UseSetting("Routing:TrainAtFirstStart", TrainRouter ? "true" : "false");
        // Tests run the supervision pass themselves (the demo seeder runs one): no background timing.
        builder.UseSetting("Supervision:Enabled", "false");
    }

    /// <summary>
    /// Whether the router trains its first model at start-up. Off by default so that workflow tests route
    /// by hand and start quickly; <see cref="RoutedPortalAppFactory"/> turns it on.
    /// </summary>
    protected virtual bool TrainRouter => false;

    /// <summary>Whether the demo departments, accounts and opinions are seeded (the "Testing" host: yes).</summary>
    protected virtual bool SeedDemoData => true;

    /// <summary>The workflow actor of a demo account, as the web layer would build it.</summary>
    public async Task<StaffActor> ActorAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var roles = await users.GetRolesAsync(user);
        return new StaffActor(user.Id, user.DisplayName, roles.ToHashSet(), user.DepartmentId);
    }

    /// <summary>A client signed in through the login form (redirects are not followed, cookies are kept).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = DemoDataSeeder.DemoPassword)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Runs <paramref name="action"/> with a scoped service.</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task WithAsync<TService>(Func<TService, Task> action) where TService : notnull =>
        WithAsync<TService, bool>(async s => { await action(s); return true; });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temp folder is cleaned by the OS eventually.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalAppFactory>
{
    public const string Name = "portal";
}

/// <summary>The portal as it starts for real: the router trains from the seed corpus and the demo history.</summary>
public sealed class RoutedPortalAppFactory : PortalAppFactory
{
    protected override bool TrainRouter => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // What is stored is under test here, not the time limit (unit-tested): a loaded CI machine must not flip it.
        builder.UseSetting("Workflow:RouterTimeoutMs", "5000");
    }
}
