using System.IO.Compression;
using System.Text;
using Portal.Moderation.Routing;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Routing;

public sealed class RouterModelTests : IClassFixture<TrainedRouterFixture>, IDisposable
{
    private const string MetadataEntry = "metadata.json";
    private const string ModelEntry = "classifier.bin";

    private readonly TrainedRouterFixture _trained;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "router-model-tests-" + Guid.NewGuid().ToString("N"));

    public RouterModelTests(TrainedRouterFixture trained)
    {
        _trained = trained;
        Directory.CreateDirectory(_directory);
    }

    private RouterModel Model => _trained.Model;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // ---- Save and load ----

    [Fact]
    public void SaveThenLoad_RoundTrip_PredictsIdenticalScoresForTheFixture()
    {
        using var loaded = RouterModel.Load(new MemoryStream(SavedBytes()));

        Assert.All(_trained.Messages, m => Assert.Equal(Model.Predict(m.Title, m.Body).Ranked, loaded.Predict(m.Title, m.Body).Ranked));
    }

    [Fact]
    public void SaveThenLoad_RoundTrip_KeepsTheMetadataAndEvaluation()
    {
        using var loaded = RouterModel.Load(new MemoryStream(SavedBytes()));

        AssertSameMetadata(Model.Metadata, loaded.Metadata);
    }

    [Fact]
    public void Save_LeavesTheStreamOpen()
    {
        using var stream = new MemoryStream();

        Model.Save(stream);

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 0);
    }

    [Fact]
    public void Save_WritesMetadataLexiconAndClassifierEntries()
    {
        using var zip = new ZipArchive(new MemoryStream(SavedBytes()), ZipArchiveMode.Read);

        Assert.Equal([MetadataEntry, "lexicon.txt", ModelEntry], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void SaveToFile_ThenLoadFile_PredictsIdenticalScores()
    {
        var path = Path.Combine(_directory, "nested", "router.model");

        Model.SaveToFile(path);
        using var loaded = RouterModel.LoadFile(path);

        Assert.Equal(["router.model"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName)); // no .tmp left behind
        Assert.All(_trained.Messages.Take(21), m => Assert.Equal(Model.Predict(m.Title, m.Body).Ranked, loaded.Predict(m.Title, m.Body).Ranked));
        AssertSameMetadata(Model.Metadata, loaded.Metadata);
    }

    [Fact]
    public void SaveToFile_ExistingFile_IsReplaced()
    {
        var path = Path.Combine(_directory, "router.model");
        File.WriteAllText(path, "an older, broken model");

        Model.SaveToFile(path);

        Assert.Equal(Model.Metadata.TrainedAtUtc, RouterModel.ReadMetadata(path).TrainedAtUtc);
    }

    [Fact]
    public void ReadMetadata_SavedFile_ReturnsTheMetadata()
    {
        var path = Path.Combine(_directory, "router.model");
        Model.SaveToFile(path);

        AssertSameMetadata(Model.Metadata, RouterModel.ReadMetadata(path));
    }

    [Fact]
    public void ReadMetadata_FileWithoutModelEntry_ReadsWithoutLoadingTheModel()
    {
        // Only the metadata is read: a file whose model is gone still reports what it was trained on.
        var path = Write("metadata-only.model", Rewrite(SavedBytes(), zip => zip.GetEntry(ModelEntry)!.Delete()));

        var metadata = RouterModel.ReadMetadata(path);

        Assert.Equal(84, metadata.ExampleCount);
        Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));
    }

    // ---- Unusable files ----

    [Fact]
    public void LoadFile_RandomBytes_ThrowsRouterModelException()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        var path = Write("random.model", bytes);

        Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));
        Assert.Throws<RouterModelException>(() => RouterModel.ReadMetadata(path));
        Assert.Throws<RouterModelException>(() => RouterModel.Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void LoadFile_ZipWithoutTheModelEntry_ThrowsNamingTheEntry()
    {
        var path = Write("no-model.model", Rewrite(SavedBytes(), zip => zip.GetEntry(ModelEntry)!.Delete()));

        var ex = Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));

        Assert.Contains(ModelEntry, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_ZipWithoutMetadata_Throws()
    {
        var path = Write("no-metadata.model", Rewrite(SavedBytes(), zip => zip.GetEntry(MetadataEntry)!.Delete()));

        Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));
        Assert.Throws<RouterModelException>(() => RouterModel.ReadMetadata(path));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void LoadFile_TruncatedFile_ThrowsRouterModelException(double kept)
    {
        var bytes = SavedBytes();
        var path = Write("truncated.model", bytes[..(int)(bytes.Length * kept)]);

        Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));
        Assert.Throws<RouterModelException>(() => RouterModel.ReadMetadata(path));
    }

    [Fact]
    public void LoadFile_EmptyFile_ThrowsRouterModelException()
    {
        var path = Write("empty.model", []);

        Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsRouterModelException()
    {
        var path = Path.Combine(_directory, "missing.model");

        Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));
        Assert.Throws<RouterModelException>(() => RouterModel.ReadMetadata(path));
    }

    [Fact]
    public void LoadFile_CorruptInnerModel_ThrowsRouterModelException()
    {
        var path = Write("bad-inner.model", Rewrite(SavedBytes(), zip =>
        {
            zip.GetEntry(ModelEntry)!.Delete();
            using var entry = zip.CreateEntry(ModelEntry).Open();
            entry.Write(Encoding.UTF8.GetBytes("not an ML.NET model"));
        }));

        Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));
    }

    [Fact]
    public void LoadFile_TruncatedClassifier_ThrowsRouterModelException()
    {
        var path = Write("truncated.model", Rewrite(SavedBytes(), zip =>
        {
            var entry = zip.GetEntry(ModelEntry)!;
            using var original = new MemoryStream();
            using (var stream = entry.Open())
                stream.CopyTo(original);
            entry.Delete();
            using var truncated = zip.CreateEntry(ModelEntry).Open();
            truncated.Write(original.ToArray().AsSpan(0, (int)original.Length / 2));
        }));

        Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("null")]
    [InlineData("{}")]
    public void LoadFile_UnreadableMetadata_ThrowsRouterModelException(string json)
    {
        var path = Write("bad-metadata.model", ReplaceMetadata(SavedBytes(), json));

        Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));
        Assert.Throws<RouterModelException>(() => RouterModel.ReadMetadata(path));
    }

    [Fact]
    public void LoadFile_OtherFormatVersion_ThrowsNamingTheVersion()
    {
        var bytes = SavedBytes();
        var json = ReadEntry(bytes, MetadataEntry);
        var path = Write("future.model", ReplaceMetadata(bytes, json.Replace($"\"formatVersion\": {RouterModelMetadata.CurrentFormatVersion}", "\"formatVersion\": 99", StringComparison.Ordinal)));

        var ex = Assert.Throws<RouterModelException>(() => RouterModel.LoadFile(path));

        Assert.Contains("99", ex.Message, StringComparison.Ordinal);
        Assert.Throws<RouterModelException>(() => RouterModel.ReadMetadata(path));
    }

    // ---- Concurrency ----

    [Fact]
    public async Task Predict_EightTasksConcurrently_GiveTheSequentialResults()
    {
        var messages = _trained.Messages;
        var expected = messages.Select(m => Model.Predict(m.Title, m.Body)).ToArray();

        var tasks = Enumerable.Range(0, 8).Select(task => Task.Run(() =>
        {
            var mismatches = new List<string>();
            for (var i = 0; i < 1_000; i++)
            {
                var index = (task * 11 + i) % messages.Count;
                var actual = Model.Predict(messages[index].Title, messages[index].Body);
                if (actual.Best != expected[index].Best || !actual.Ranked.SequenceEqual(expected[index].Ranked))
                    mismatches.Add($"task {task}, row {index}: {actual.Best} instead of {expected[index].Best}");
            }

            return mismatches;
        }));
        var results = await Task.WhenAll(tasks);

        Assert.Empty(results.SelectMany(r => r));
    }

    // ---- Helpers ----

    private byte[] SavedBytes()
    {
        using var stream = new MemoryStream();
        Model.Save(stream);
        return stream.ToArray();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Rewrite(byte[] modelFile, Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(modelFile);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            change(zip);
        return stream.ToArray();
    }

    private static byte[] ReplaceMetadata(byte[] modelFile, string json) => Rewrite(modelFile, zip =>
    {
        zip.GetEntry(MetadataEntry)!.Delete();
        using var entry = zip.CreateEntry(MetadataEntry).Open();
        entry.Write(Encoding.UTF8.GetBytes(json));
    });

    private static string ReadEntry(byte[] modelFile, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(modelFile), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void AssertSameMetadata(RouterModelMetadata expected, RouterModelMetadata actual)
    {
        Assert.Equal(expected.FormatVersion, actual.FormatVersion);
        Assert.Equal(expected.TrainedAtUtc, actual.TrainedAtUtc);
        Assert.Equal(DateTimeKind.Utc, actual.TrainedAtUtc.Kind);
        Assert.Equal(expected.MlNetVersion, actual.MlNetVersion);
        Assert.Equal(expected.Options, actual.Options);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.RowsPerLabel.OrderBy(p => p.Key, StringComparer.Ordinal), actual.RowsPerLabel.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.LexiconSize, actual.LexiconSize);
        Assert.Equal(expected.TrainingSeconds, actual.TrainingSeconds);
        Assert.Equal(expected.Threshold, actual.Threshold);

        Assert.NotNull(expected.Evaluation);
        Assert.NotNull(actual.Evaluation);
        Assert.Equal(expected.Evaluation.Method, actual.Evaluation.Method);
        Assert.Equal(expected.Evaluation.N, actual.Evaluation.N);
        Assert.Equal(expected.Evaluation.Accuracy, actual.Evaluation.Accuracy);
        Assert.Equal(expected.Evaluation.MacroF1, actual.Evaluation.MacroF1);
        Assert.Equal(expected.Evaluation.Confusion, actual.Evaluation.Confusion);
        Assert.Equal(expected.Evaluation.Curve, actual.Evaluation.Curve);
        Assert.Equal(expected.Evaluation.PerClass.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Evaluation.PerClass.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Evaluation.RecommendedThreshold, actual.Evaluation.RecommendedThreshold);
    }
}
