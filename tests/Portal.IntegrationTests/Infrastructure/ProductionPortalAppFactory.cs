using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal in the Production environment (no demo data), with two test-only faults: a GET endpoint,
/// <see cref="FailingPath"/>, that throws, and a database that fails when asked for the tracking code
/// <see cref="FailingTrackingCode"/> (so that a real form post crashes). The production pipeline's error handling
/// is under test, not the faults.
/// </summary>
public sealed class ProductionPortalAppFactory : PortalAppFactory
{
    public const string FailingPath = "/test/fail";

    /// <summary>The text of the exception the failing endpoint throws; it must never reach a response.</summary>
    public const string SecretDetail = "connection string Password=hunter2 at Portal.Secret";

    /// <summary>A well-formed tracking code whose look-up fails in the database.</summary>
    public const string FailingTrackingCode = "ZZZZZ-ZZZZZ";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:SeedDemoData", "false");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, FailingEndpoint>();
            services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(new FailingTrackingQuery()));
        });
    }

    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(FailingPath, branch => branch.Run(_ => throw new InvalidOperationException(SecretDetail)));
        };
    }

    private sealed class FailingTrackingQuery : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, FailingTrackingCode.Replace("-", "", StringComparison.Ordinal))))
                throw new InvalidOperationException(SecretDetail);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
