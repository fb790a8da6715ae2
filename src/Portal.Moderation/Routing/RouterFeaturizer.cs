using System.Text;

namespace Portal.Moderation.Routing;

/// <summary>A sparse feature vector: ascending feature indices and their values.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values);

/// <summary>
/// Turns a message into the router's features (see ADR-003): character 1..N-grams and, as a second view,
/// character 3-grams of the whitespace-free text, and lexicon words (<see cref="RouterText"/>), each view
/// weighted by sublinear TF-IDF (1 + ln tf) × ln(rows ÷ df) and L2-normalised on its own. The vocabulary is the features seen in at least
/// <see cref="RouterTrainingOptions.MinFeatureCount"/> training rows. Immutable once built: thread-safe.
/// </summary>
internal sealed class RouterFeaturizer
{
    private const char CharPrefix = 'c';
    private const char TrigramPrefix = 't';
    private const char WordPrefix = 'w';

    /// <summary>More features than a model file can sensibly hold: a larger count means a corrupt file.</summary>
    public const int MaxFeatures = 10_000_000;

    private readonly Dictionary<string, int> _vocabulary;
    private readonly float[] _idf;

    private RouterFeaturizer(int charNgramLength, IReadOnlySet<string> lexicon, Dictionary<string, int> vocabulary, float[] idf)
    {
        CharNgramLength = charNgramLength;
        Lexicon = lexicon;
        _vocabulary = vocabulary;
        _idf = idf;
    }

    public int CharNgramLength { get; }

    public IReadOnlySet<string> Lexicon { get; }

    public int Dimension => _idf.Length;

    /// <summary>
    /// Learns the vocabulary and the inverse document frequencies from the training texts. The rows are counted
    /// in parallel (on <paramref name="parallel"/>'s scheduler when given); the counts, and so the result, do not
    /// depend on how the work was split.
    /// </summary>
    public static RouterFeaturizer Build(
        IReadOnlyList<(string Title, string Body)> texts, IReadOnlySet<string> lexicon, RouterTrainingOptions options, ParallelOptions? parallel = null)
    {
        var rowsPerFeature = new Dictionary<string, int>(StringComparer.Ordinal);
        Parallel.For(0, texts.Count, parallel ?? new ParallelOptions(),
            () => new Dictionary<string, int>(StringComparer.Ordinal),
            (i, _, counts) =>
            {
                var views = Tokens(texts[i].Title, texts[i].Body, lexicon, options.CharNgramLength);
                var used = new HashSet<string>(views.Chars, StringComparer.Ordinal);
                if (options.CharTrigramView)
                    used.UnionWith(views.Trigrams);
                if (options.UseWords)
                    used.UnionWith(views.Words);
                foreach (var token in used)
                    counts[token] = counts.GetValueOrDefault(token) + 1;
                return counts;
            },
            counts =>
            {
                lock (rowsPerFeature)
                {
                    foreach (var (token, rows) in counts)
                        rowsPerFeature[token] = rowsPerFeature.GetValueOrDefault(token) + rows;
                }
            });

        var kept = rowsPerFeature.Where(p => p.Value >= options.MinFeatureCount).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var vocabulary = new Dictionary<string, int>(kept.Count, StringComparer.Ordinal);
        var idf = new float[kept.Count];
        foreach (var (token, rows) in kept)
        {
            idf[vocabulary.Count] = (float)Math.Log((double)texts.Count / rows);
            vocabulary[token] = vocabulary.Count;
        }

        return new RouterFeaturizer(options.CharNgramLength, lexicon, vocabulary, idf);
    }

    public SparseVector Vectorize(string title, string body)
    {
        var views = Tokens(title, body, Lexicon, CharNgramLength);
        var features = new Dictionary<int, float>();
        AddView(views.Chars, features);
        AddView(views.Trigrams, features); // a view the model was trained without has no vocabulary: it adds nothing
        AddView(views.Words, features);
        var indices = features.Keys.ToArray();
        var values = features.Values.ToArray();
        Array.Sort(indices, values);
        return new SparseVector(indices, values);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(CharNgramLength);
        writer.Write(_idf.Length);
        foreach (var (token, index) in _vocabulary.OrderBy(p => p.Value))
        {
            writer.Write(token);
            writer.Write(_idf[index]);
        }
    }

    public static RouterFeaturizer Read(BinaryReader reader, IReadOnlySet<string> lexicon)
    {
        var charNgramLength = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (charNgramLength is < 1 or > 8 || count is < 0 or > MaxFeatures)
            throw new InvalidDataException("the feature table is corrupt.");
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var idf = new float[count];
        for (var i = 0; i < count; i++)
        {
            vocabulary.Add(reader.ReadString(), i);
            idf[i] = reader.ReadSingle();
        }

        return new RouterFeaturizer(charNgramLength, lexicon, vocabulary, idf);
    }

    private void AddView(List<string> tokens, Dictionary<int, float> features)
    {
        var counts = new Dictionary<int, int>();
        foreach (var token in tokens)
        {
            if (_vocabulary.TryGetValue(token, out var index))
                counts[index] = counts.GetValueOrDefault(index) + 1;
        }

        var weights = counts.ToDictionary(p => p.Key, p => (1 + Math.Log(p.Value)) * _idf[p.Key]);
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm <= 0)
            return;
        foreach (var (index, weight) in weights)
            features[index] = (float)(weight / norm);
    }

    /// <summary>
    /// Character 1..N-grams and 3-grams of the letters and digits, and the lexicon words; prefixed so the views
    /// never share a feature.
    /// </summary>
    private static (List<string> Chars, List<string> Trigrams, List<string> Words) Tokens(string title, string body, IReadOnlySet<string> lexicon, int charNgramLength)
    {
        var text = RouterText.Normalize(RouterText.Join(title, body));
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                letters.Append(c);
        }

        var clean = letters.ToString();
        var chars = new List<string>(clean.Length * charNgramLength);
        for (var n = 1; n <= charNgramLength; n++)
            AddNgrams(clean, n, CharPrefix, chars);
        var trigrams = new List<string>(clean.Length);
        if (charNgramLength < 3) // otherwise the 3-grams are in the first view already
            AddNgrams(clean, 3, TrigramPrefix, trigrams);

        var words = RouterText.Segment(text, lexicon).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => WordPrefix + w).ToList();
        return (chars, trigrams, words);
    }

    private static void AddNgrams(string text, int n, char prefix, List<string> tokens)
    {
        for (var i = 0; i + n <= text.Length; i++)
        {
            tokens.Add(string.Create(n + 1, (text, i, prefix), static (token, state) =>
            {
                token[0] = state.prefix;
                state.text.AsSpan(state.i, token.Length - 1).CopyTo(token[1..]);
            }));
        }
    }
}
