using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Portal.Moderation.Receptions;

namespace Portal.Web.Receptions;

/// <summary>
/// The iCalendar feeds of reception sessions: all, per host, per studio. Residents subscribe to them in any
/// calendar app; UIDs use the portal's host name, so keep the public host name stable.
/// </summary>
internal static class ReceptionEndpoints
{
    public static IEndpointRouteBuilder MapReceptionCalendars(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/receptions").WithTags("Receptions");
        group.MapGet("/calendar.ics", (HttpContext http, ReceptionCalendar calendar, IOptions<PortalOptions> portal, CancellationToken ct) =>
            FeedAsync(http, calendar, $"{portal.Value.Name}·接待日", null, null, ct));
        group.MapGet("/hosts/{id:int}/calendar.ics", async (int id, HttpContext http, ReceptionQueries queries, ReceptionCalendar calendar, CancellationToken ct) =>
            await queries.GetHostAsync(id, ct).ConfigureAwait(false) is { } host
                ? await FeedAsync(http, calendar, $"{host.Post} {host.Name} 接待日", id, null, ct).ConfigureAwait(false)
                : Results.NotFound());
        group.MapGet("/studios/{id:int}/calendar.ics", async (int id, HttpContext http, ReceptionQueries queries, ReceptionCalendar calendar, CancellationToken ct) =>
            await queries.GetStudioAsync(id, ct).ConfigureAwait(false) is { } studio
                ? await FeedAsync(http, calendar, $"{studio.Name} 接待日", null, id, ct).ConfigureAwait(false)
                : Results.NotFound());
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(HttpContext http, ReceptionCalendar calendar, string title, int? hostId, int? studioId, CancellationToken ct)
    {
        var siteBase = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var ics = await calendar.FeedAsync(title, http.Request.Host.Host, siteBase, hostId, studioId, ct).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(ics, ReceptionCalendar.ContentType);
    }
}
