namespace Portal.Moderation.Exports;

/// <summary>
/// A download built in a temporary file rather than in memory (a workbook of 100,000 rows would not fit
/// comfortably): the file is deleted when the returned stream is closed, and nothing is left behind on failure.
/// </summary>
public static class ExportFile
{
    /// <summary>Runs <paramref name="write"/> on a new temporary file and returns the file, positioned at its start.</summary>
    public static async Task<Stream> WriteAsync(Func<Stream, Task> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            ct.ThrowIfCancellationRequested();
            await write(file).ConfigureAwait(false);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
