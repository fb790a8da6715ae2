using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Departments;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Routing;
using Portal.Moderation.Staff;

namespace Portal.Web.Tests.Routing;

/// <summary>
/// The real routing services over a SQLite file of their own (migrated, with two active departments and a
/// retired one), registered in a bunit context. Deleted afterwards, with the models folder.
/// </summary>
internal sealed class RoutingTestServices : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<PortalDbContext> _options;
    private readonly string _directory;

    public RoutingTestServices()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"portal-web-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        _options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "portal.db") }.ToString())
            .Options;
        var clock = TimeProvider.System;
        Host = new RouterHost(clock, NullLogger<RouterHost>.Instance);
        Catalog = new RoutingCatalog(this, clock);
        var environment = new TestEnvironment(_directory);
        Registry = new RouterRegistry(this, Host, Catalog, new MlDepartmentRouter(Host, Catalog), Options.Create(new RoutingOptions { TrainAtFirstStart = false }), environment, clock,
            NullLogger<RouterRegistry>.Instance);
        Service = new RoutingAdminService(this, Registry, Host, Catalog, new DeadlinePolicy(Options.Create(new WorkflowOptions())), clock,
            new Portal.Moderation.Staff.StaffAudit(NullLoggerFactory.Instance, clock));
    }

    public static StaffActor Admin { get; } = new("admin-1", "管理员己", new HashSet<string> { StaffRoles.Admin }, null);

    public RouterHost Host { get; }

    public RoutingCatalog Catalog { get; }

    public RouterRegistry Registry { get; }

    public RoutingAdminService Service { get; }

    /// <summary>住建局, category 城乡建设 (active).</summary>
    public Department Urban { get; private set; } = null!;

    /// <summary>交通局, category 交通出行 (active).</summary>
    public Department Transport { get; private set; } = null!;

    public IReadOnlyList<Department> ActiveDepartments => [Urban, Transport];

    /// <summary>Registers the services (pass to <see cref="PortalTestContext"/>'s constructor).</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton(Host);
        services.AddSingleton(Catalog);
        services.AddSingleton(Registry);
        services.AddSingleton(Service);
    }

    /// <summary>Creates the database with its departments.</summary>
    public async Task InitializeAsync()
    {
        await new DatabaseInitializer(this, NullLogger<DatabaseInitializer>.Instance).MigrateAsync();
        await using var db = CreateDbContext();
        Urban = new Department { Code = "urban-construction", Name = "住建局", Category = "城乡建设" };
        Transport = new Department { Code = "transport", Name = "交通局", Category = "交通出行" };
        db.Departments.AddRange(Urban, Transport, new Department { Code = "retired", Name = "原市政处", Category = "市政", IsActive = false });
        await db.SaveChangesAsync();
    }

    public PortalDbContext CreateDbContext() => new(_options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "Portal.Web.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
