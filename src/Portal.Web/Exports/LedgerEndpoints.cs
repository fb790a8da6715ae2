using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation.Exports;
using Portal.Moderation.Opinions;
using Portal.Web.Security;

namespace Portal.Web.Exports;

/// <summary>The download of the opinion ledger (台账) for leaders, moderators and admins.</summary>
internal static class LedgerEndpoints
{
    public const string Path = "/staff/ledger/export";

    public static IEndpointRouteBuilder MapLedgerExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (
                HttpContext http, OpinionLedgerExporter exporter, DeadlinePolicy time, TimeProvider clock,
                [FromQuery] string? format, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] int? department, [FromQuery] OpinionStatus? status,
                CancellationToken ct) =>
            {
                var actor = StaffActors.From(http.User)!;
                var ledgerFormat = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? LedgerFormat.Csv : LedgerFormat.Xlsx;
                var filter = new LedgerFilter(Date(from), Date(to), department, status);
                var stream = await exporter.ExportAsync(filter, ledgerFormat, actor, ct).ConfigureAwait(false);
                var today = DateOnly.FromDateTime(time.ToLocal(clock.GetUtcNow().UtcDateTime));
                return Results.File(stream, OpinionLedgerExporter.ContentType(ledgerFormat), OpinionLedgerExporter.FileName(ledgerFormat, today));
            })
            .RequireAuthorization(policy => policy.RequireRole(StaffRoles.Leader, StaffRoles.Moderator, StaffRoles.Admin));
        return endpoints;
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The download link for a filter.</summary>
    public static string Link(LedgerFormat format, LedgerFilter filter)
    {
        var query = new List<string> { $"format={(format == LedgerFormat.Csv ? "csv" : "xlsx")}" };
        if (filter.From is { } from)
            query.Add($"from={from:yyyy-MM-dd}");
        if (filter.To is { } to)
            query.Add($"to={to:yyyy-MM-dd}");
        if (filter.DepartmentId is { } department)
            query.Add(string.Create(CultureInfo.InvariantCulture, $"department={department}"));
        if (filter.Status is { } status)
            query.Add($"status={status}");
        return $"{Path}?{string.Join('&', query)}";
    }
}
