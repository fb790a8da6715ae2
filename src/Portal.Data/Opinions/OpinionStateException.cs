namespace Portal.Data.Opinions;

/// <summary>
/// Thrown when a step is not allowed in the opinion's current state. The message is Chinese and
/// meant for the staff member who tried it; nothing has been changed when it is thrown.
/// </summary>
public sealed class OpinionStateException : InvalidOperationException
{
    public OpinionStateException(string message) : base(message)
    {
    }

    public OpinionStateException()
    {
    }

    public OpinionStateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
