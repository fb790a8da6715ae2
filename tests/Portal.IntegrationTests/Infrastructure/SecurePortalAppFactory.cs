using Microsoft.AspNetCore.Hosting;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The demo portal with the staff-account rules as in production (administrators need a second factor) and a
/// session re-check every second, so that revoked sessions end within a test's patience.
/// </summary>
public sealed class SecurePortalAppFactory : PortalAppFactory
{
    public static readonly TimeSpan SessionValidationInterval = TimeSpan.FromSeconds(1);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("StaffSecurity:RequireTwoFactorForAdmins", "true");
        builder.UseSetting("StaffSecurity:SessionValidationInterval", SessionValidationInterval.ToString());
    }
}

/// <summary>The portal as a real deployment first starts it: Production environment, empty database, no demo data.</summary>
public sealed class FirstStartPortalAppFactory : PortalAppFactory
{
    protected override bool SeedDemoData => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
