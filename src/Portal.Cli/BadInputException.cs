namespace Portal.Cli;

/// <summary>Input the command cannot use; the message (in Chinese) is shown to the user without a stack trace.</summary>
internal sealed class BadInputException : Exception
{
    public BadInputException()
    {
    }

    public BadInputException(string message)
        : base(message)
    {
    }

    public BadInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
