using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Portal.Benchmarks;
using Portal.CrashTest;

namespace Portal.Bench.Load;

/// <summary>One submission run: what the residents saw and what the database holds afterwards.</summary>
/// <param name="Residents">Concurrent residents.</param>
/// <param name="Seconds">From the first request to the last response.</param>
/// <param name="Receipts">Receipts with a tracking code shown.</param>
/// <param name="RowsCreated">Opinions the database gained during the run.</param>
/// <param name="ReceiptsMissing">Receipts whose tracking code is not among those rows (lost submissions).</param>
/// <param name="PostP50Ms">Median time of the POST (submission → receipt).</param>
/// <param name="PostP95Ms">95th percentile of the POST.</param>
/// <param name="FlowP95Ms">95th percentile of the whole flow (GET form + POST).</param>
/// <param name="ServerErrors">Responses with status 5xx.</param>
/// <param name="OtherFailures">Other refused or failed attempts (4xx, timeouts, no tracking code on the page).</param>
public sealed record SubmissionResult(
    int Residents, double Seconds, int Receipts, long RowsCreated, int ReceiptsMissing,
    double PostP50Ms, double PostP95Ms, double FlowP95Ms, int ServerErrors, int OtherFailures)
{
    public double AcceptedPerSecond => Seconds > 0 ? Receipts / Seconds : 0;
}

/// <summary>
/// The opinion submission path under load: <c>residents</c> concurrent residents (each an HttpClient with its own
/// cookies, the crash test's <see cref="ResidentClient"/>: GET the form, POST it with the antiforgery token and the
/// bot trap's hidden fields, read the tracking code off the receipt) submitting back to back for a fixed time.
/// No new submission starts after the time is up; those under way finish, so every receipt can be checked
/// against the rows the database gained.
/// </summary>
public static class SubmissionLoad
{
    public static async Task<SubmissionResult> RunAsync(Uri portal, string databasePath, int residents, TimeSpan duration, CancellationToken ct)
    {
        var before = await ScalarAsync(databasePath, "SELECT COALESCE(MAX(Id), 0) FROM Opinions;").ConfigureAwait(false);
        var posts = new ConcurrentQueue<double>();
        var flows = new ConcurrentQueue<double>();
        var receipts = new ConcurrentBag<string>();
        var serverErrors = 0;
        var otherFailures = 0;
        void Observe(ResidentResponse r)
        {
            if ((int)r.Status >= 500)
                Interlocked.Increment(ref serverErrors);
            if (r.IsSubmission)
                posts.Enqueue(r.Elapsed.TotalMilliseconds);
        }

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(1, residents).Select(n => Task.Run(async () =>
        {
            using var resident = new ResidentClient(portal, n, Observe);
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (await resident.SubmitAsync(ct).ConfigureAwait(false) is { } code)
                    {
                        receipts.Add(code.Replace("-", "", StringComparison.Ordinal));
                        flows.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref otherFailures);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
                {
                    if (ex is not HttpRequestException { StatusCode: >= HttpStatusCode.InternalServerError })
                        Interlocked.Increment(ref otherFailures);
                }
            }
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;

        var created = await CodesAfterAsync(databasePath, before).ConfigureAwait(false);
        var missing = receipts.Count(code => !created.Contains(code));
        return new SubmissionResult(residents, seconds, receipts.Count, created.Count, missing,
            Percentiles.Of(posts, 50), Percentiles.Of(posts, 95), Percentiles.Of(flows, 95), serverErrors, otherFailures);
    }

    /// <summary>The tracking codes of the opinions created after <paramref name="afterId"/>.</summary>
    private static async Task<HashSet<string>> CodesAfterAsync(string databasePath, long afterId)
    {
        await using var db = await OpenAsync(databasePath).ConfigureAwait(false);
        await using var select = db.CreateCommand();
        select.CommandText = "SELECT TrackingCode FROM Opinions WHERE Id > $after;";
        select.Parameters.AddWithValue("$after", afterId);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
            codes.Add(reader.GetString(0));
        return codes;
    }

    private static async Task<long> ScalarAsync(string databasePath, string sql)
    {
        await using var db = await OpenAsync(databasePath).ConfigureAwait(false);
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<SqliteConnection> OpenAsync(string databasePath)
    {
        var db = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync().ConfigureAwait(false);
        return db;
    }
}
