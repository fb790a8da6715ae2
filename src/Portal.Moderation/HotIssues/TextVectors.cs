using Portal.Moderation.Routing;

namespace Portal.Moderation.HotIssues;

/// <summary>
/// TF-IDF vectors of character 1–2-grams over the router's normalised text (<see cref="RouterText.Normalize"/>),
/// suited to Chinese, which has no spaces. Bigrams do not cross punctuation; the title counts twice.
/// Vectors are L2-normalised, so the dot product of two is their cosine.
/// </summary>
internal sealed class TextVectors
{
    /// <summary>Unigrams say little about the topic on their own: they weigh this much of a bigram.</summary>
    private const float UnigramWeight = 0.4f;

    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly List<int> _documentFrequency = [];
    private readonly List<Dictionary<int, int>> _counts = [];

    /// <summary>Adds a document and returns its index.</summary>
    public int Add(string title, string body)
    {
        var counts = new Dictionary<int, int>();
        CountGrams(RouterText.Normalize(title), counts, 2);
        CountGrams(RouterText.Normalize(body), counts, 1);
        foreach (var feature in counts.Keys)
            _documentFrequency[feature]++;
        _counts.Add(counts);
        return _counts.Count - 1;
    }

    /// <summary>Computes every document's vector once all are added (the IDF needs the whole corpus).</summary>
    public SparseVector[] Build()
    {
        var n = _counts.Count;
        var idf = new float[_documentFrequency.Count];
        for (var f = 0; f < idf.Length; f++)
            idf[f] = (float)(Math.Log((1.0 + n) / (1.0 + _documentFrequency[f])) + 1.0);
        var unigram = new bool[_documentFrequency.Count];
        foreach (var (gram, id) in _vocabulary)
            unigram[id] = gram.Length == 1;

        var vectors = new SparseVector[n];
        for (var d = 0; d < n; d++)
        {
            var counts = _counts[d];
            var ids = new int[counts.Count];
            var weights = new float[counts.Count];
            var i = 0;
            double norm = 0;
            foreach (var (feature, count) in counts)
            {
                var w = (float)(1 + Math.Log(count)) * idf[feature] * (unigram[feature] ? UnigramWeight : 1f);
                ids[i] = feature;
                weights[i++] = w;
                norm += w * w;
            }

            var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
            for (var k = 0; k < weights.Length; k++)
                weights[k] *= scale;
            vectors[d] = new SparseVector(ids, weights);
        }

        return vectors;
    }

    private void CountGrams(string normalized, Dictionary<int, int> counts, int times)
    {
        var previous = '\0';
        foreach (var c in normalized)
        {
            if (!char.IsLetterOrDigit(c))
            {
                previous = '\0';
                continue;
            }

            Increment(counts, c.ToString(), times);
            if (previous != '\0')
                Increment(counts, string.Concat(previous.ToString(), c.ToString()), times);
            previous = c;
        }
    }

    private void Increment(Dictionary<int, int> counts, string gram, int times)
    {
        if (!_vocabulary.TryGetValue(gram, out var id))
        {
            id = _vocabulary.Count;
            _vocabulary.Add(gram, id);
            _documentFrequency.Add(0);
        }

        counts[id] = counts.GetValueOrDefault(id) + times;
    }
}

/// <summary>A unit-length sparse vector: feature ids and their weights.</summary>
internal sealed record SparseVector(int[] Ids, float[] Weights);
