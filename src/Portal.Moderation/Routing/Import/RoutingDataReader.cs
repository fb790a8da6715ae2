using Portal.Moderation.DataFiles;

namespace Portal.Moderation.Routing.Import;

/// <summary>
/// Reads labelled historical messages (title, body, label) for training the department router from a file an
/// administrator exported (see <see cref="TabularFileReader"/> for formats and encodings). The first row is the
/// header; columns are found by name, in any order. A file that cannot be imported as a whole throws
/// <see cref="DataFileFormatException"/> with a message in Chinese; single unusable rows are reported in
/// <see cref="RoutingDataSet.Skipped"/>.
/// </summary>
public static class RoutingDataReader
{
    /// <summary>Largest accepted file; larger files throw <see cref="DataFileFormatException"/>.</summary>
    public const long MaxFileBytes = TabularFileReader.MaxFileBytes;

    /// <summary>Largest accepted number of data rows (blank rows not counted).</summary>
    public const int MaxRows = TabularFileReader.MaxDataRows;

    /// <summary>The extensions <see cref="Read"/> accepts.</summary>
    public static IReadOnlyList<string> SupportedExtensions => TabularFileReader.SupportedExtensions;

    /// <summary>Reads a whole file from <paramref name="stream"/>; <paramref name="fileName"/> decides the format by extension.</summary>
    /// <exception cref="DataFileFormatException">The file cannot be imported; the message says why, in Chinese.</exception>
    public static RoutingDataSet Read(Stream stream, string fileName) => Build(TabularFileReader.Read(stream, fileName));

    /// <summary>Like <see cref="Read"/>, but reads the stream asynchronously (for Blazor uploads and network streams).</summary>
    /// <exception cref="DataFileFormatException">The file cannot be imported; the message says why, in Chinese.</exception>
    public static async Task<RoutingDataSet> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken = default) =>
        Build(await TabularFileReader.ReadAsync(stream, fileName, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads a file from disk; its extension decides the format.</summary>
    /// <exception cref="DataFileFormatException">The file cannot be imported; the message says why, in Chinese.</exception>
    public static RoutingDataSet ReadFile(string path) => Build(TabularFileReader.ReadFile(path));

    private static RoutingDataSet Build(TabularFile file)
    {
        var table = new RoutingTableBuilder(skipRowsWithExtraFields: file.IsDelimited);
        foreach (var row in file.Rows)
            table.Add(row.LineNumber, row.Fields);
        return table.Build(file.Format, file.Encoding);
    }
}
