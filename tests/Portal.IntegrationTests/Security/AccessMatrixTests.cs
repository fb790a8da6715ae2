using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Security;

/// <summary>
/// Every page and endpoint × anonymous, handler of A, handler of B, moderator, leader, admin (ASVS 8.1.1, 8.2.1,
/// 8.2.2): the answer each gets, with real ids from the demo data, including ids of the other department.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AccessMatrixTests(PortalAppFactory app)
{
    public static IEnumerable<object[]> Cells => AccessMatrix.Cells();

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell(string route, string sample, Role role)
    {
        var row = AccessMatrix.Find(route, sample);
        var ids = await app.DemoIdsAsync();
        var client = await app.ClientAsync(role);

        using var response = await client.GetAsync(row.Url(ids));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(row.Expected[role] == Classify(response),
            $"{role} on {row.Url(ids)}: expected {row.Expected[role]}, got {(int)response.StatusCode} {response.Headers.Location}");
        foreach (var secret in SecretsHiddenFrom(role, ids))
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEndpoint_HasARowInTheMatrix()
    {
        var routes = Endpoints().ToHashSet(StringComparer.Ordinal);
        var covered = AccessMatrix.Rows.Select(r => r.Route).Concat(AccessMatrix.NotInMatrix.Keys).ToHashSet(StringComparer.Ordinal);

        var missing = routes.Except(covered).Order().ToList();
        var stale = covered.Except(routes).Order().ToList();

        Assert.True(missing.Count == 0, $"Add a row to AccessMatrix for: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"AccessMatrix names routes that no longer exist: {string.Join(", ", stale)}");
    }

    [Fact]
    public void EveryRowOfTheMatrix_SaysWhatEachRoleGets()
    {
        Assert.All(AccessMatrix.Rows, row => Assert.Equal(AccessMatrix.Roles.Count, row.Expected.Count));
        Assert.Equal(AccessMatrix.Rows.Count, AccessMatrix.Rows.Select(r => (r.Route, r.Sample)).Distinct().Count());
    }

    /// <summary>The route patterns of every endpoint the portal maps, static assets aside.</summary>
    private IEnumerable<string> Endpoints()
    {
        _ = app.Server; // starts the host
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.StartsWith("StaticAsset", StringComparison.Ordinal)))
            .Select(e => e.RoutePattern.RawText ?? "")
            .Distinct();
    }

    private static Outcome? Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Forbidden => Outcome.Denied,
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther when location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) => Outcome.Login,
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther when location.Contains("/account/denied", StringComparison.OrdinalIgnoreCase) => Outcome.Denied,
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther => Outcome.Redirect,
            _ => null,
        };
    }

    /// <summary>
    /// Residents' contact details and tracking codes a role must never receive: nobody anonymous sees any; a handler
    /// sees none of the other department's.
    /// </summary>
    private static IEnumerable<string> SecretsHiddenFrom(Role role, DemoIds ids) => role switch
    {
        Role.Anonymous => ids.Transport.ResidentContacts.Concat(ids.Health.ResidentContacts),
        Role.HandlerA => ids.Health.ResidentContacts.Concat(ids.Health.TrackingCodes),
        Role.HandlerB => ids.Transport.ResidentContacts.Concat(ids.Transport.TrackingCodes),
        _ => [],
    };
}
