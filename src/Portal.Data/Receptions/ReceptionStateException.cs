namespace Portal.Data.Receptions;

/// <summary>
/// Thrown when a step is not allowed in a reception session's or appointment's current state. The message
/// is Chinese and meant for the person who tried it; nothing has been changed when it is thrown.
/// </summary>
public sealed class ReceptionStateException : InvalidOperationException
{
    public ReceptionStateException(string message) : base(message)
    {
    }

    public ReceptionStateException()
    {
    }

    public ReceptionStateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
