namespace Portal.Moderation.Opinions;

/// <summary>Another staff member changed the opinion since it was loaded; nothing was saved.</summary>
public sealed class OpinionConcurrencyException : InvalidOperationException
{
    public OpinionConcurrencyException() : base("该意见刚刚已被他人处理，已显示最新状态，请确认后再操作。")
    {
    }

    public OpinionConcurrencyException(string message) : base(message)
    {
    }

    public OpinionConcurrencyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>The opinion does not exist, or the actor may not see it.</summary>
public sealed class OpinionNotFoundException : InvalidOperationException
{
    public OpinionNotFoundException() : base("未找到该意见。")
    {
    }

    public OpinionNotFoundException(string message) : base(message)
    {
    }

    public OpinionNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
