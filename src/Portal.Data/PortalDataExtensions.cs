using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Data.Backups;
using Portal.Data.Diagnostics;
using Portal.Data.PublicContent;
using Portal.Data.Sqlite;

namespace Portal.Data;

public static class PortalDataExtensions
{
    /// <summary>Registers the DbContext factory on the configured SQLite file.</summary>
    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddDbContextFactory<PortalDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            ConfigureSqlite(options, ResolvePath(contentRoot, database.Path), database.BusyTimeoutMs);
            if (services.GetServices<IPublicContentListener>().ToList() is { Count: > 0 } listeners)
                options.AddInterceptors(new PublicContentChangeInterceptor(listeners));
        });
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddOptions<BackupOptions>()
            .BindConfiguration(BackupOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<DatabaseInUseLockHolder>();
        builder.Services.AddHostedService<ScheduledBackupService>();
        return builder;
    }

    /// <summary>The one place that knows the embedded default is SQLite.</summary>
    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string filePath, int busyTimeoutMs)
    {
        var directory = System.IO.Path.GetDirectoryName(filePath);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = Math.Max(1, busyTimeoutMs / 1000),
        }.ToString();
        options.UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor(busyTimeoutMs), DbCommandCountingInterceptor.Instance);
    }

    /// <summary>A configured path (database, backups) as an absolute path: relative ones are under the content root.</summary>
    public static string ResolvePath(string contentRoot, string path) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, path));
}
