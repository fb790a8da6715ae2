using System.Globalization;
using Portal.Data.Pledges;
using Portal.Moderation.Exports;
using Portal.Moderation.Pledges;
using Portal.Moderation.Staff;
using Portal.Web.Security;

namespace Portal.Web.Pledges;

/// <summary>
/// The pledge ledger (承诺台账) downloads for staff: <c>/staff/pledges/ledger.csv</c> (streamed line by line) and
/// <c>/staff/pledges/ledger.xlsx</c> (built in a temporary file, then streamed), filtered by year, branch and status.
/// </summary>
internal static class PledgeLedgerEndpoints
{
    public static IEndpointRouteBuilder MapPledgeLedger(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/staff/pledges").RequireAuthorization();
        group.MapGet("/ledger.csv", (HttpContext http, PledgeLedger ledger, CancellationToken ct) => ExportAsync(http, ledger, csv: true, ct));
        group.MapGet("/ledger.xlsx", (HttpContext http, PledgeLedger ledger, CancellationToken ct) => ExportAsync(http, ledger, csv: false, ct));
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, PledgeLedger ledger, bool csv, CancellationToken ct)
    {
        var actor = StaffActors.From(http.User);
        if (actor is null)
            return Results.Unauthorized();
        if (ParseFilter(http.Request.Query) is not { } filter)
            return Results.Text("筛选条件不正确：年度应为数字，状态应为已提出、公示中、已践诺、已逾期或已评议之一。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

        IReadOnlyList<PledgeLedgerRow> rows;
        try
        {
            rows = await ledger.GetRowsAsync(filter, actor, ct).ConfigureAwait(false);
        }
        catch (WorkflowAccessDeniedException ex)
        {
            AccessDeniedAudit.LogDenied(http);
            return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"承诺台账{(filter.Year is { } y ? $"-{y}" : "")}-{DateTime.UtcNow:yyyyMMdd}");
        if (csv)
            return Results.Stream(body => ledger.WriteCsvAsync(body, rows, ct), PledgeLedger.CsvContentType, name + ".csv");

        var file = await ExportFile.WriteAsync(output => ledger.WriteXlsxAsync(output, rows, ct), ct).ConfigureAwait(false);
        return Results.File(file, PledgeLedger.XlsxContentType, name + ".xlsx");
    }

    /// <summary>The filter from the query string (status by its enum name or number), or null when a value is not valid.</summary>
    internal static PledgeLedgerFilter? ParseFilter(IQueryCollection query)
    {
        int? year = null;
        if (query["year"].ToString() is { Length: > 0 } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < Pledge.MinYear or > Pledge.MaxYear)
                return null;
            year = parsed;
        }

        PledgeStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } s)
        {
            if (!Enum.TryParse<PledgeStatus>(s, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return null;
            status = parsed;
        }

        var branch = query["branch"].ToString();
        return new PledgeLedgerFilter(year, string.IsNullOrWhiteSpace(branch) ? null : branch, status);
    }
}
