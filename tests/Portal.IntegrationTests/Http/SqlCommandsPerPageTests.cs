using System.Net;
using Portal.Data.Diagnostics;
using Portal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.IntegrationTests.Http;

/// <summary>
/// Issue 7's budget: a public page renders with at most five SQL commands, uncached (output cache off, first render),
/// on the demo data. The count is what EF Core sent during the request (<see cref="DbCommandCounter"/>).
/// </summary>
public sealed class SqlCommandsPerPageTests(UncachedPortalAppFactory app, ITestOutputHelper output) : IClassFixture<UncachedPortalAppFactory>
{
    public const int Budget = 5;

    [Fact]
    public async Task EveryPublicPage_RendersWithAtMostFiveSqlCommands()
    {
        var client = app.CreateFlowingClient();
        var counts = new Dictionary<string, int>();
        foreach (var url in (await PublicPageUrls.CachedAsync(app)).Concat(await PublicPageUrls.WithFormsAsync(app)))
        {
            // Twice: the second render is the steady state (the first may fill a cache of reference data).
            foreach (var round in new[] { 1, 2 })
            {
                using var commands = DbCommandCounter.Begin();
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
                Assert.Null(response.Headers.Age);
                counts[$"{url} #{round}"] = commands.Count;
            }
        }

        var report = string.Join(Environment.NewLine, counts.Select(c => $"{c.Value,3}  {c.Key}"));
        output.WriteLine(report);
        Assert.True(counts.Where(c => c.Key.EndsWith("#2", StringComparison.Ordinal)).All(c => c.Value <= Budget), report);
        Assert.True(counts.Values.Any(c => c > 0), "Nothing was counted: " + report);
    }

    [Fact]
    public async Task WithTheDiagnosticsSetting_EachRequestLogsItsSqlCommandCount()
    {
        var client = app.CreateClient();

        await client.GetStringOkAsync("/published?page=2");

        var line = app.Logs.Entries.Last(e => e.EventId.Id == 9101 && e.Message.StartsWith("SQL commands for GET /published:", StringComparison.Ordinal));
        Assert.Equal("Portal.Web.Diagnostics", line.Category);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, line.Level);
        Assert.True(int.Parse(line.Message.Split(": ")[1], System.Globalization.CultureInfo.InvariantCulture) > 0, line.Message);
    }
}
