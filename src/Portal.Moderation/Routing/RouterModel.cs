using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Portal.Moderation.Routing;

/// <summary>
/// A trained department router, ready to predict. Thread-safe: the transformer is shared and each call
/// borrows a <see cref="PredictionEngine{TSrc,TDst}"/> from a pool (a single engine is not thread-safe).
/// <para>
/// The file is a zip holding <c>metadata.json</c>, <c>lexicon.txt</c> and the ML.NET model
/// (<c>mlnet-model.zip</c>); see <see cref="Save(Stream)"/> and <see cref="Load(Stream)"/>.
/// </para>
/// </summary>
public sealed class RouterModel : IDisposable
{
    private const string MetadataEntry = "metadata.json";
    private const string LexiconEntry = "lexicon.txt";
    private const string ModelEntry = "mlnet-model.zip";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly HashSet<string> _lexicon;
    private readonly ObjectPool<PredictionEngine<RouterInput, RouterScores>> _engines;
    private readonly string[] _scoreLabels;

    internal RouterModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, HashSet<string> lexicon, RouterModelMetadata metadata)
    {
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
        _lexicon = lexicon;
        _scoreLabels = ScoreLabels(transformer, inputSchema);
        Metadata = metadata with { Labels = _scoreLabels };
        // For IDisposable items the provider returns a pool that disposes them with itself.
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Math.Max(8, Environment.ProcessorCount * 2) }
            .Create(new EnginePolicy(this));
    }

    public RouterModelMetadata Metadata { get; }

    /// <summary>Ranks every label the model knows for the message, best first.</summary>
    public RoutingPrediction Predict(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        var input = ToInput(title, body, label: "");
        var engine = _engines.Get();
        float[] scores;
        try
        {
            scores = engine.Predict(input).Score;
        }
        finally
        {
            _engines.Return(engine);
        }

        var ranked = new RankedLabel[_scoreLabels.Length];
        for (var i = 0; i < ranked.Length; i++)
            ranked[i] = new RankedLabel(_scoreLabels[i], scores[i]);
        Array.Sort(ranked, (a, b) => b.Confidence.CompareTo(a.Confidence));
        return new RoutingPrediction(ranked);
    }

    /// <summary>Returns a copy with other metadata (e.g. after evaluation); the model is shared, not copied.</summary>
    internal RouterModel WithMetadata(RouterModelMetadata metadata) => new(_ml, _transformer, _inputSchema, _lexicon, metadata);

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(MetadataEntry).Open())
            JsonSerializer.Serialize(entry, Metadata, JsonOptions);
        using (var entry = new StreamWriter(zip.CreateEntry(LexiconEntry).Open(), new UTF8Encoding(false)))
        {
            foreach (var word in _lexicon.Order(StringComparer.Ordinal))
                entry.WriteLine(word);
        }

        using (var entry = zip.CreateEntry(ModelEntry, CompressionLevel.NoCompression).Open())
            _ml.Model.Save(_transformer, _inputSchema, entry);
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

            var ml = new MLContext(metadata.Options.Seed);
            using var model = new MemoryStream();
            using (var entry = Entry(zip, ModelEntry).Open())
                entry.CopyTo(model);
            model.Position = 0;
            var transformer = ml.Model.Load(model, out var schema);
            return new RouterModel(ml, transformer, schema, lexicon, metadata);
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

    /// <summary>Disposes the pooled prediction engines (the shared transformer is left to the collector).</summary>
    public void Dispose() => (_engines as IDisposable)?.Dispose();

    internal RouterInput ToInput(string title, string body, string label)
    {
        var text = RouterText.Normalize(RouterText.Join(title, body));
        return new RouterInput { Text = text, Words = RouterText.Segment(text, _lexicon), Label = label };
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

    private static string[] ScoreLabels(ITransformer transformer, DataViewSchema inputSchema)
    {
        var score = transformer.GetOutputSchema(inputSchema)["Score"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }

    private sealed class EnginePolicy(RouterModel model) : PooledObjectPolicy<PredictionEngine<RouterInput, RouterScores>>
    {
        public override PredictionEngine<RouterInput, RouterScores> Create() =>
            model._ml.Model.CreatePredictionEngine<RouterInput, RouterScores>(model._transformer, model._inputSchema);

        public override bool Return(PredictionEngine<RouterInput, RouterScores> obj) => true;
    }
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

/// <summary>The ML.NET input row: the two preprocessed texts (see <see cref="RouterText"/>), the label and a weight.</summary>
internal sealed class RouterInput
{
    public string Text { get; set; } = "";

    public string Words { get; set; } = "";

    public string Label { get; set; } = "";

    public float Weight { get; set; } = 1;
}

/// <summary>The ML.NET output row: one probability per label.</summary>
internal sealed class RouterScores
{
    public float[] Score { get; set; } = [];
}
