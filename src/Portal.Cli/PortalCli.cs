using System.CommandLine;
using Portal.Cli.Routing;

namespace Portal.Cli;

/// <summary>
/// The <c>portal</c> command line: administration tasks that do not belong in the web app, for now the
/// department router's <c>routing train | evaluate | predict</c>. <see cref="Run"/> is the whole program, so
/// tests can call it in-process with their own writers.
/// </summary>
public static class PortalCli
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = new RootCommand("群众意见征集平台的管理命令行工具。")
        {
            RoutingCommands.Create(),
        };
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        var parseResult = root.Parse(args);
        var exitCode = parseResult.Invoke(configuration);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
