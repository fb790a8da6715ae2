namespace Portal.Moderation.Routing.Import;

/// <summary>
/// The file cannot be imported as a whole (empty, binary, wrong columns, too large, unsupported type...).
/// The message is in Simplified Chinese and written for the administrator who chose the file.
/// </summary>
public sealed class RoutingDataFormatException : Exception
{
    public RoutingDataFormatException() : base("文件无法导入。")
    {
    }

    public RoutingDataFormatException(string message) : base(message)
    {
    }

    public RoutingDataFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
