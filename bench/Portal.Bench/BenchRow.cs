namespace Portal.Bench;

/// <summary>
/// One measured figure of the benchmark suite: the table printed at the end and the JSON result are lists of these.
/// </summary>
/// <param name="Section">The part of the suite, e.g. "ceiling", "public pages", "submissions", "staff circuits", "page load", "sql".</param>
/// <param name="Measure">What was measured, e.g. "/published uncached req/s" (Chinese or English, short).</param>
/// <param name="Value">The figure.</param>
/// <param name="Unit">"req/s", "ms", "KB", "MB", "count", ...</param>
/// <param name="Target">The target as text (e.g. "≥ 500", "≤ 150"), or null when there is none.</param>
/// <param name="Met">Whether the target was met, or null when there is none.</param>
/// <param name="RatioToCeiling">Requests/s as a fraction of the ceiling endpoint's requests/s in the same run, when meaningful.</param>
public sealed record BenchRow(
    string Section,
    string Measure,
    double Value,
    string Unit,
    string? Target = null,
    bool? Met = null,
    double? RatioToCeiling = null);

/// <summary>A portal started by the suite (Production, Release build, generated data) that browser measurements run against.</summary>
/// <param name="BaseUrl">Loopback address of the running portal, ending with '/'.</param>
/// <param name="StaffUser">A staff account (not an administrator, so no second factor) for the staff pages.</param>
/// <param name="StaffPassword">Its password.</param>
/// <param name="PublicPaths">Public pages to measure, relative to <paramref name="BaseUrl"/> (e.g. "published", "published/123").</param>
/// <param name="ServerProcessId">The portal's process id (for memory measurements).</param>
public sealed record BenchPortal(
    Uri BaseUrl,
    string StaffUser,
    string StaffPassword,
    IReadOnlyList<string> PublicPaths,
    int ServerProcessId);
