using Portal.Data.Diagnostics;

namespace Portal.Web.Diagnostics;

/// <summary>
/// With <c>Diagnostics:LogDbCommandsPerRequest=true</c>, logs how many SQL commands each request sent (one line per
/// request, EventId 9101, category <see cref="Category"/>): the benchmark suite reads it; a page served from the
/// output cache logs 0. Off by default: then nothing is counted.
/// </summary>
public static partial class DbCommandsPerRequest
{
    public const string Category = "Portal.Web.Diagnostics";

    public const string SettingKey = "Diagnostics:LogDbCommandsPerRequest";

    /// <summary>First in the pipeline, so that every command of the request is counted.</summary>
    public static IApplicationBuilder UseDbCommandsPerRequestLog(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue<bool>(SettingKey))
            return app;
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            using var commands = DbCommandCounter.Begin();
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                LogCommands(logger, context.Request.Method, context.Request.Path.Value ?? "/", commands.Count);
            }
        });
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "SQL commands for {Method} {Path}: {Count}")]
    private static partial void LogCommands(ILogger logger, string method, string path, int count);
}
