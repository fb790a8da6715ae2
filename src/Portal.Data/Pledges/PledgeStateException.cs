namespace Portal.Data.Pledges;

/// <summary>
/// Thrown when a step is not allowed in the pledge's current state. The message is Chinese and meant for
/// the person who tried it; nothing has been changed when it is thrown.
/// </summary>
public sealed class PledgeStateException : InvalidOperationException
{
    public PledgeStateException(string message) : base(message)
    {
    }

    public PledgeStateException()
    {
    }

    public PledgeStateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
