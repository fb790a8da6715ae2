using Portal.Data.Staff;
using Portal.Moderation.Analysis.Briefings;

namespace Portal.Web.Analysis;

/// <summary>The XLSX export of a briefing, for leaders and admins.</summary>
internal static class BriefingEndpoints
{
    public static IEndpointRouteBuilder MapBriefingExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/staff/briefings/{id:int}.xlsx", async (int id, BriefingService briefings, CancellationToken ct) =>
            {
                if (await briefings.GetAsync(id, ct).ConfigureAwait(false) is not { } briefing)
                    return Results.NotFound();
                var stream = new MemoryStream();
                BriefingWorkbook.Write(briefing, stream);
                stream.Position = 0;
                var name = $"{BriefingText.Of(briefing.Kind)}-{briefing.Content.Period.From:yyyyMMdd}.xlsx";
                return Results.File(stream, BriefingWorkbook.ContentType, name);
            })
            .RequireAuthorization(policy => policy.RequireRole(StaffRoles.Leader, StaffRoles.Admin));
        return endpoints;
    }
}
