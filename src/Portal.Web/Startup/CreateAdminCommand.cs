using Portal.Data;
using Portal.Moderation.Staff;

namespace Portal.Web.Startup;

/// <summary>
/// `dotnet run --project src/Portal.Web -- create-admin --user NAME --display-name 姓名`: creates the first
/// administrator (the only way to get an account in Production). The password is read from the
/// PORTAL_ADMIN_PASSWORD environment variable or, if unset, from standard input.
/// </summary>
public static class CreateAdminCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        var user = Option(args, "--user");
        var displayName = Option(args, "--display-name") ?? user;
        if (string.IsNullOrWhiteSpace(user))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --user <login> [--display-name <姓名>]  (password from PORTAL_ADMIN_PASSWORD or stdin)").ConfigureAwait(false);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("PORTAL_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await Console.Out.WriteAsync("Password (at least 12 characters): ").ConfigureAwait(false);
            password = await Console.In.ReadLineAsync().ConfigureAwait(false);
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync().ConfigureAwait(false);
        var errors = await scope.ServiceProvider.GetRequiredService<IdentitySetup>().CreateAdminAsync(user, displayName!, password ?? "").ConfigureAwait(false);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            return 1;
        }

        await Console.Out.WriteLineAsync($"Administrator '{user}' created.").ConfigureAwait(false);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
