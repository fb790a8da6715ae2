using System.Net;
using System.Text;
using MiniExcelLibs;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed class LedgerExportTests(PortalAppFactory app)
{
    [Fact]
    public async Task LeaderDownloadsTheLedger_AsAWorkbookWithTheDemoOpinions()
    {
        var client = await app.SignedInClientAsync("leader");

        var response = await client.GetAsync("/staff/ledger/export?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("xlsx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = body.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r["查询码"] as string)));
    }

    [Fact]
    public async Task ModeratorDownloadsTheLedger_AsCsvForExcel()
    {
        var client = await app.SignedInClientAsync("moderator");

        var response = await client.GetAsync("/staff/ledger/export?format=csv&status=Published");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("查询码,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",已公开答复,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlersAndAnonymousVisitors_CannotDownloadTheLedger()
    {
        var handler = await app.SignedInClientAsync("handler-transport");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var forbidden = await handler.GetAsync("/staff/ledger/export?format=csv");
        var challenged = await anonymous.GetAsync("/staff/ledger/export?format=csv");

        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.DoesNotContain("查询码", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.Contains("/account/login", challenged.Headers.Location?.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
