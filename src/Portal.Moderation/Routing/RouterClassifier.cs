using System.Runtime.InteropServices;

namespace Portal.Moderation.Routing;

/// <summary>
/// The router's trained classifier: one calibrated linear model per label (one-versus-rest), trained by ML.NET's
/// SDCA logistic regression on NB-scaled features (see <see cref="RouterTrainer"/>). The NB scaling is folded into
/// the weights, so scoring is a sparse dot product per label; each label's probability is
/// 1 ÷ (1 + exp(slope × score + offset)) (ML.NET's Platt calibrator) and the probabilities are normalised to sum
/// to 1. Immutable: thread-safe.
/// </summary>
internal sealed class RouterClassifier
{
    /// <summary>More weights than a model file can sensibly hold (200 MB): a larger table means a corrupt file.</summary>
    private const long MaxWeights = 50_000_000;

    private readonly float[] _weights; // feature-major: _weights[feature * labels + label]
    private readonly float[] _bias;
    private readonly float[] _slope;
    private readonly float[] _offset;

    public RouterClassifier(IReadOnlyList<string> labels, int dimension, float[] weights, float[] bias, float[] slope, float[] offset)
    {
        if (weights.Length != dimension * labels.Count || bias.Length != labels.Count || slope.Length != labels.Count || offset.Length != labels.Count)
            throw new InvalidDataException("the classifier's weights do not match its labels and features.");
        Labels = labels;
        Dimension = dimension;
        _weights = weights;
        _bias = bias;
        _slope = slope;
        _offset = offset;
    }

    public IReadOnlyList<string> Labels { get; }

    public int Dimension { get; }

    /// <summary>One probability per label (in the order of <see cref="Labels"/>), summing to 1.</summary>
    public float[] Predict(SparseVector features)
    {
        var count = Labels.Count;
        var scores = new double[count];
        Array.Copy(_bias, scores, count);
        for (var i = 0; i < features.Indices.Length; i++)
        {
            var row = features.Indices[i] * count;
            var value = features.Values[i];
            for (var k = 0; k < count; k++)
                scores[k] += value * _weights[row + k];
        }

        var probabilities = new float[count];
        double sum = 0;
        for (var k = 0; k < count; k++)
        {
            scores[k] = 1 / (1 + Math.Exp(_slope[k] * scores[k] + _offset[k]));
            sum += scores[k];
        }

        for (var k = 0; k < count; k++)
            probabilities[k] = (float)(sum > 0 ? scores[k] / sum : 1.0 / count);
        return probabilities;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Labels.Count);
        writer.Write(Dimension);
        for (var k = 0; k < Labels.Count; k++)
        {
            writer.Write(Labels[k]);
            writer.Write(_bias[k]);
            writer.Write(_slope[k]);
            writer.Write(_offset[k]);
        }

        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(_weights.AsSpan())); // the layout BinaryWriter uses, in one call
        }
        else
        {
            foreach (var weight in _weights)
                writer.Write(weight);
        }
    }

    public static RouterClassifier Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var dimension = reader.ReadInt32();
        if (count is < 2 or > 1_000 || dimension is < 0 or > RouterFeaturizer.MaxFeatures || (long)count * dimension > MaxWeights)
            throw new InvalidDataException("the classifier table is corrupt.");
        var labels = new string[count];
        var bias = new float[count];
        var slope = new float[count];
        var offset = new float[count];
        for (var k = 0; k < count; k++)
        {
            labels[k] = reader.ReadString();
            bias[k] = reader.ReadSingle();
            slope[k] = reader.ReadSingle();
            offset[k] = reader.ReadSingle();
        }

        var weights = new float[(long)dimension * count];
        if (BitConverter.IsLittleEndian)
        {
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan())); // BinaryReader does not read ahead
        }
        else
        {
            for (var i = 0; i < weights.Length; i++)
                weights[i] = reader.ReadSingle();
        }
        return new RouterClassifier(labels, dimension, weights, bias, slope, offset);
    }
}
