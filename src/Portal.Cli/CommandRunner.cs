using System.CommandLine;
using Portal.Moderation.Routing;
using Portal.Moderation.DataFiles;
using Portal.Moderation.Routing.Import;

namespace Portal.Cli;

/// <summary>Runs a command's body and turns the expected failures into exit code 1 with just their message.</summary>
internal static class CommandRunner
{
    public static int Guarded(ParseResult parseResult, Func<TextWriter, TextWriter, int> body)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        try
        {
            return body(stdout, stderr);
        }
        catch (Exception ex) when (ex is BadInputException or DataFileFormatException or RouterModelException or RouterTrainingException
            or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"错误：{ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
