using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Security;

/// <summary>
/// Every form post needs the antiforgery token: without it the portal answers 400 and changes nothing (ASVS 3.5.1);
/// nothing changes state on GET (ASVS 3.5.3).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AntiforgeryTests(PortalAppFactory app)
{
    /// <summary>Every route of the matrix, by its first sample.</summary>
    public static IEnumerable<object[]> Routes() =>
        AccessMatrix.Rows.GroupBy(r => r.Route).Select(g => new object[] { g.Key, g.First().Sample });

    /// <summary>
    /// A visitor who may open the page (holding the antiforgery cookie, as a victim of a cross-site form would)
    /// posts to it without the token: every endpoint that takes form posts answers 400; one that takes no posts
    /// refuses too (405, or 400 when the status page re-executes the post); only health checks answer any method.
    /// </summary>
    [Theory]
    [MemberData(nameof(Routes))]
    public async Task APostWithoutTheToken_IsRefused(string route, string sample)
    {
        var row = AccessMatrix.Find(route, sample);
        var role = AccessMatrix.Roles.FirstOrDefault(r => row.Expected[r] is Outcome.Ok or Outcome.Redirect or Outcome.NotFound, Role.Anonymous);
        var client = await app.ClientAsync(role);
        var url = row.Url(await app.DemoIdsAsync());
        (await client.GetAsync(url)).Dispose();

        using var response = await client.PostAsync(url, Form(("_handler", "any"), ("Input.UserName", "admin"), ("Code", "K7QMX-3PA9R")));

        switch (PostHandling(route))
        {
            case Posts.Forms:
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                break;
            case Posts.Refused:
                // 405, 400 when the status page re-executes the post, or 404 for a download whose path ends in a file
                // extension (the static-file fallback route also bids for it): refused, never served.
                Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
                break;
            case Posts.AnyMethodHealthCheck:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
        }
    }

    [Fact]
    public async Task SubmittingAnOpinionWithoutTheToken_Answers400_AndStoresNothing()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        (await client.GetAsync("/opinions/new")).Dispose();
        var before = await OpinionCountAsync();

        using var response = await client.PostAsync("/opinions/new", Form(
            ("_handler", "submit-opinion"), ("Model.Kind", "Suggestion"), ("Model.Title", "没有令牌的意见"),
            ("Model.Body", "跨站提交的意见内容，应当被拒绝。"), ("Model.ConsentToPublish", "true")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await OpinionCountAsync());
    }

    [Fact]
    public async Task LogoutWithoutTheToken_Answers400_AndTheSessionGoesOn()
    {
        var client = await app.SignedInClientAsync("moderator");
        (await client.GetAsync("/staff/queue")).Dispose();

        using var response = await client.PostAsync("/account/logout", Form());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/queue")).StatusCode);
    }

    [Fact]
    public async Task LogoutWithTheToken_SignsOut()
    {
        var client = await app.SignedInClientAsync("moderator");
        var token = FormClient.AntiforgeryToken(await client.GetStringOkAsync("/staff/queue"));

        using var response = await client.PostAsync("/account/logout", Form(("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", (await client.GetAsync("/staff/queue")).Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogoutByGet_IsNotAnEndpoint_AndTheSessionGoesOn()
    {
        var client = await app.SignedInClientAsync("moderator");

        using var response = await client.GetAsync("/account/logout");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/queue")).StatusCode);
    }

    /// <summary>Every page and download of the matrix opened by every role leaves the stored data exactly as it was.</summary>
    [Fact]
    public async Task OpeningEveryPageAsEveryRole_ChangesNothingStored()
    {
        var ids = await app.DemoIdsAsync();
        var before = await SnapshotAsync();

        foreach (var row in AccessMatrix.Rows)
        {
            foreach (var role in AccessMatrix.Roles)
                (await (await app.ClientAsync(role)).GetAsync(row.Url(ids))).Dispose();
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    private enum Posts
    {
        Forms,
        Refused,
        AnyMethodHealthCheck,
    }

    /// <summary>What the endpoint of <paramref name="route"/> declares about posts.</summary>
    private Posts PostHandling(string route)
    {
        _ = app.Server;
        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == route);
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        if (methods is null)
        {
            Assert.Contains("Health checks", endpoint.DisplayName, StringComparison.Ordinal);
            return Posts.AnyMethodHealthCheck;
        }

        if (!methods.Contains(HttpMethods.Post))
            return Posts.Refused;
        Assert.True(endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation, $"{route} takes posts without antiforgery.");
        return Posts.Forms;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private Task<int> OpinionCountAsync() => app.WithAsync<IDbContextFactory<PortalDbContext>, int>(async f =>
    {
        await using var db = await f.CreateDbContextAsync();
        return await db.Opinions.CountAsync();
    });

    /// <summary>Counts and version sums of everything residents and staff write.</summary>
    private Task<string> SnapshotAsync() => app.WithAsync<IDbContextFactory<PortalDbContext>, string>(async f =>
    {
        await using var db = await f.CreateDbContextAsync();
        return string.Join(' ',
            await db.Opinions.CountAsync(), await db.Opinions.SumAsync(o => o.Version), await db.OpinionEvents.CountAsync(),
            await db.HandlingResults.CountAsync(), await db.Satisfactions.CountAsync(), await db.OpinionSupports.CountAsync(),
            await db.Pledges.SumAsync(p => p.Version), await db.PledgeRatings.CountAsync(), await db.PledgeEvents.CountAsync(),
            await db.Appointments.CountAsync(), await db.ReceptionSessions.CountAsync(), await db.InterviewRecords.CountAsync(),
            await db.DeadlineExtensions.CountAsync(), await db.SupervisionNotices.CountAsync(), await db.Briefings.CountAsync(),
            await db.Users.CountAsync(), await db.Departments.CountAsync());
    });
}
