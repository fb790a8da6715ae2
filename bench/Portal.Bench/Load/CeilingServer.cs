using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Bench.Load;

/// <summary>
/// The ceiling of this machine: a minimal ASP.NET Core endpoint with the portal's host defaults (Kestrel's defaults,
/// server GC, Production) answering GET / with a fixed byte array as large as the published-opinion list page.
/// It runs as a child process of the suite (this same assembly, started like the portal), so that wrk measures
/// what Kestrel alone can serve here; every page figure is also reported as a fraction of it.
/// </summary>
public static class CeilingServer
{
    /// <summary>Set on the child process: the body size in bytes. Its presence selects this mode in Program.cs.</summary>
    public const string BytesVariable = "PORTAL_BENCH_CEILING_BYTES";

    public static async Task<int> RunAsync(string[] args, int bytes)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        // Printable ASCII: the body compresses and encodes like text, but nothing here depends on it.
        var body = new byte[Math.Max(1, bytes)];
        for (var i = 0; i < body.Length; i++)
            body[i] = (byte)('a' + (i % 26));
        app.MapGet("/", () => Results.Bytes(body, "text/html; charset=utf-8"));
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
