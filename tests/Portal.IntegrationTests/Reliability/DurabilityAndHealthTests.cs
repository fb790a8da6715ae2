using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Reliability;

/// <summary>What the running portal does to keep every accepted opinion, and what it tells monitors.</summary>
[Collection(PortalCollection.Name)]
public sealed class DurabilityAndHealthTests(PortalAppFactory app)
{
    [Fact]
    public async Task EveryConnectionTheAppOpens_IsInWalMode_WithFullSynchronousCommits()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var fromFactory = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        // The scoped context is the one ASP.NET Core Identity writes staff accounts through.
        var scoped = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        foreach (var db in new[] { fromFactory, scoped })
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(("wal", 2L), (await PragmaAsync(db, "journal_mode"), await PragmaAsync(db, "synchronous")));
            await db.Database.CloseConnectionAsync();
        }

        await fromFactory.DisposeAsync();
    }

    [Fact]
    public async Task Live_AnswersHealthy_WithoutCheckingAnything()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/healthz")]
    public async Task Ready_WithTheDatabaseUpButNoRouterModel_IsDegraded_AndSaysNothingMore(string url)
    {
        // The test portal trains no model: opinions are routed by moderators, which still serves residents.
        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WhenTheDatabaseFileIsDamaged_IsUnhealthy_WithoutExceptionText()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "portal.db");
        using var portal = app.WithWebHostBuilder(b => b.UseSetting("Database:Path", path).UseSetting("Portal:SeedDemoData", "false"));
        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(directory, "portal.db*"))
            File.Delete(file);
        await File.WriteAllTextAsync(path, new string('x', 8192));
        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    private static async Task<object?> PragmaAsync(DbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync();
    }
}
