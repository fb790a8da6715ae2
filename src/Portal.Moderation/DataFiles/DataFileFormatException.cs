namespace Portal.Moderation.DataFiles;

/// <summary>
/// The file cannot be imported as a whole (empty, binary, wrong columns, too large, unsupported type...).
/// The message is in Simplified Chinese and written for the administrator who chose the file.
/// </summary>
public sealed class DataFileFormatException : Exception
{
    public DataFileFormatException() : base("文件无法导入。")
    {
    }

    public DataFileFormatException(string message) : base(message)
    {
    }

    public DataFileFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
