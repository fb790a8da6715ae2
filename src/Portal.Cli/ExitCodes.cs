namespace Portal.Cli;

/// <summary>The process exit codes of <c>portal</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The input could not be used: a missing or malformed data file, a corrupt model, untrainable data.</summary>
    public const int BadInput = 1;

    /// <summary>The command line itself was wrong (unknown option, missing value...).</summary>
    public const int Usage = 2;
}
