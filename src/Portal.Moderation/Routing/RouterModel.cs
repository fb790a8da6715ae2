using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Portal.Moderation.Routing;

/// <summary>
/// A trained department router, ready to predict. Thread-safe and allocation-light: the featurizer and the
/// classifier are immutable (plain arrays), so concurrent callers share them without engines or locks.
/// <para>
/// The file is a zip holding <c>metadata.json</c>, <c>lexicon.txt</c> and <c>classifier.bin</c> (the feature
/// vocabulary with its IDF weights, then the per-label linear weights and calibration);
/// see <see cref="Save(Stream)"/> and <see cref="Load(Stream)"/>.
/// </para>
/// </summary>
public sealed class RouterModel : IDisposable
{
    private const string MetadataEntry = "metadata.json";
    private const string LexiconEntry = "lexicon.txt";
    private const string ClassifierEntry = "classifier.bin";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly RouterFeaturizer _featurizer;
    private readonly RouterClassifier _classifier;

    internal RouterModel(RouterFeaturizer featurizer, RouterClassifier classifier, RouterModelMetadata metadata)
    {
        if (featurizer.Dimension != classifier.Dimension)
            throw new InvalidDataException("the classifier does not fit the feature table.");
        _featurizer = featurizer;
        _classifier = classifier;
        Metadata = metadata with { Labels = classifier.Labels };
    }

    public RouterModelMetadata Metadata { get; }

    /// <summary>Ranks every label the model knows for the message, best first.</summary>
    public RoutingPrediction Predict(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        var scores = _classifier.Predict(_featurizer.Vectorize(title, body));
        var ranked = new RankedLabel[scores.Length];
        for (var i = 0; i < ranked.Length; i++)
            ranked[i] = new RankedLabel(_classifier.Labels[i], scores[i]);
        Array.Sort(ranked, (a, b) => b.Confidence.CompareTo(a.Confidence));
        return new RoutingPrediction(ranked);
    }

    /// <summary>Returns a copy with other metadata (e.g. after evaluation); the model is shared, not copied.</summary>
    internal RouterModel WithMetadata(RouterModelMetadata metadata) => new(_featurizer, _classifier, metadata);

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(MetadataEntry).Open())
            JsonSerializer.Serialize(entry, Metadata, JsonOptions);
        using (var entry = new StreamWriter(zip.CreateEntry(LexiconEntry).Open(), new UTF8Encoding(false)))
        {
            foreach (var word in _featurizer.Lexicon.Order(StringComparer.Ordinal))
                entry.WriteLine(word);
        }

        using (var writer = new BinaryWriter(new BufferedStream(zip.CreateEntry(ClassifierEntry, CompressionLevel.Fastest).Open()), Encoding.UTF8))
        {
            _featurizer.Write(writer);
            _classifier.Write(writer);
        }
    }

    /// <summary>Writes the model to <paramref name="path"/> atomically (a temporary file, then a rename).</summary>
    public void SaveToFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
            Save(file);
        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="RouterModelException">The stream is not a router model of this version.</exception>
    public static RouterModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var metadata = ReadMetadata(zip);
            var lexicon = new HashSet<string>(StringComparer.Ordinal);
            using (var reader = new StreamReader(Entry(zip, LexiconEntry).Open(), Encoding.UTF8))
            {
                while (reader.ReadLine() is { } line)
                {
                    if (line.Length > 0)
                        lexicon.Add(line);
                }
            }

            using var binary = new BinaryReader(new BufferedStream(Entry(zip, ClassifierEntry).Open()), Encoding.UTF8);
            var featurizer = RouterFeaturizer.Read(binary, lexicon);
            var classifier = RouterClassifier.Read(binary);
            return new RouterModel(featurizer, classifier, metadata);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or InvalidOperationException or FormatException or ArgumentException or IOException)
        {
            throw new RouterModelException($"模型文件已损坏或格式不对：{ex.Message}", ex);
        }
    }

    public static RouterModel LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new RouterModelException($"找不到模型文件 {path}。");
        using var file = File.OpenRead(path);
        return Load(file);
    }

    /// <summary>Reads only the metadata of a model file (cheap: the model itself is not loaded).</summary>
    public static RouterModelMetadata ReadMetadata(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return ReadMetadata(zip);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException)
        {
            throw new RouterModelException($"模型文件已损坏或格式不对：{ex.Message}", ex);
        }
    }

    /// <summary>Nothing to release (the model is plain arrays); kept so callers can scope models with <c>using</c>.</summary>
    public void Dispose()
    {
    }

    private static RouterModelMetadata ReadMetadata(ZipArchive zip)
    {
        using var entry = Entry(zip, MetadataEntry).Open();
        var metadata = JsonSerializer.Deserialize<RouterModelMetadata>(entry, JsonOptions)
            ?? throw new InvalidDataException("metadata.json is empty.");
        if (metadata.FormatVersion != RouterModelMetadata.CurrentFormatVersion)
            throw new InvalidDataException($"model format {metadata.FormatVersion} is not supported (expected {RouterModelMetadata.CurrentFormatVersion}).");
        return metadata;
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"{name} is missing.");
}

/// <summary>A model file that cannot be used (missing, corrupt, or of another format).</summary>
public sealed class RouterModelException : Exception
{
    public RouterModelException()
    {
    }

    public RouterModelException(string message)
        : base(message)
    {
    }

    public RouterModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
