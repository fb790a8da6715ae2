using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Portal.Web.Security;

/// <summary>
/// Unhandled exceptions (OWASP ASVS 16.5.1): logged with the request id that the friendly error page shows the
/// resident, so that a hotline call can be matched to the log line. The page itself (<c>/error</c>) carries no
/// exception detail. Only the method and path are logged: query strings may hold tracking codes, and request
/// bodies what residents wrote.
/// </summary>
public sealed partial class UnhandledErrors(ILogger<UnhandledErrors> logger) : IExceptionHandler
{
    /// <summary>The id shown on the error page and written to the log: the W3C trace id, else the connection's request id.</summary>
    public static string RequestId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current is { } activity && activity.TraceId != default
            ? activity.TraceId.ToHexString()
            : context.TraceIdentifier;
    }

    /// <summary>Logs, then lets the exception handler middleware re-execute <c>/error</c>.</summary>
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // The middleware has already pointed the request at /error; the feature keeps the path that failed.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        Unhandled(logger, exception, RequestId(httpContext), httpContext.Request.Method, path);
        return ValueTask.FromResult(false);
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled exception, request {RequestId}: {Method} {Path}")]
    private static partial void Unhandled(ILogger logger, Exception exception, string requestId, string method, string path);
}
