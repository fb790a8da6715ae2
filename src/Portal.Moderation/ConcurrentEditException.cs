namespace Portal.Moderation;

/// <summary>
/// Another staff member saved the same record since it was loaded; nothing was saved. The page shows the
/// message and reloads the current state.
/// </summary>
public sealed class ConcurrentEditException : InvalidOperationException
{
    /// <summary>What the second of two staff members saving the same record is told.</summary>
    public const string DefaultMessage = "该记录已被他人修改，已显示最新内容，请确认后重试。";

    public ConcurrentEditException() : base(DefaultMessage)
    {
    }

    public ConcurrentEditException(string message) : base(message)
    {
    }

    public ConcurrentEditException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
