using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Portal.Moderation.Routing;

/// <summary>
/// NBSVM-style one-versus-rest training (Wang &amp; Manning 2012, with logistic regression): for each label,
/// every feature is scaled by its log-count ratio r = ln((p ÷ ‖p‖₁) ÷ (q ÷ ‖q‖₁)), where p and q count the rows
/// of that label and of the others containing the feature (plus <see cref="Smoothing"/>); an ML.NET SDCA
/// logistic regression is trained on the scaled features, and r is folded into its weights
/// (w · (x ∘ r) = (w ∘ r) · x) so that prediction needs the plain features only.
/// </summary>
internal static class RouterOneVersusRest
{
    private const double Smoothing = 1;

    public static RouterClassifier Train(
        IReadOnlyList<LabelledMessage> messages, SparseVector[] vectors, float[] rowWeights, int dimension,
        IReadOnlyList<string> labels, RouterTrainingOptions options, ParallelOptions parallel)
    {
        var weights = new float[(long)dimension * labels.Count];
        var bias = new float[labels.Count];
        var slope = new float[labels.Count];
        var offset = new float[labels.Count];

        // The labels' fits are independent, so they run side by side (one core each); each has its own seeded
        // context and writes only its own column, so the model is the same whatever the order or the core count.
        // ML.NET cannot stop a fit half-way: cancellation is seen between fits.
        Parallel.For(0, labels.Count, parallel, k =>
        {
            var ml = new MLContext(options.Seed);
            var schema = SchemaDefinition.Create(typeof(BinaryRow));
            schema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
            var label = labels[k];
            var ratios = LogCountRatios(messages, vectors, dimension, label);
            var rows = vectors.Select((v, i) => new BinaryRow
            {
                Label = messages[i].Label == label,
                Weight = rowWeights[i],
                Features = Scale(v, ratios, dimension),
            });
            var data = ml.Data.LoadFromEnumerable(rows, schema);
            var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(BinaryRow.Label),
                FeatureColumnName = nameof(BinaryRow.Features),
                ExampleWeightColumnName = nameof(BinaryRow.Weight),
                L2Regularization = options.L2Regularization,
                NumberOfThreads = 1, // deterministic: the same data and seed give the same model
            });
            var model = trainer.Fit(ml.Data.Cache(data)).Model;
            var linear = model.SubModel.Weights;
            for (var j = 0; j < dimension; j++)
                weights[(long)j * labels.Count + k] = linear[j] * ratios[j];
            bias[k] = model.SubModel.Bias;
            slope[k] = (float)model.Calibrator.Slope;
            offset[k] = (float)model.Calibrator.Offset;
        });

        return new RouterClassifier(labels, dimension, weights, bias, slope, offset);
    }

    private static float[] LogCountRatios(IReadOnlyList<LabelledMessage> messages, SparseVector[] vectors, int dimension, string label)
    {
        var positive = new double[dimension];
        var negative = new double[dimension];
        Array.Fill(positive, Smoothing);
        Array.Fill(negative, Smoothing);
        for (var i = 0; i < vectors.Length; i++)
        {
            var counts = messages[i].Label == label ? positive : negative;
            foreach (var index in vectors[i].Indices)
                counts[index] += 1;
        }

        var positiveSum = positive.Sum();
        var negativeSum = negative.Sum();
        var ratios = new float[dimension];
        for (var j = 0; j < dimension; j++)
            ratios[j] = (float)Math.Log(positive[j] / positiveSum / (negative[j] / negativeSum));
        return ratios;
    }

    private static VBuffer<float> Scale(SparseVector vector, float[] ratios, int dimension)
    {
        var values = new float[vector.Values.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = vector.Values[i] * ratios[vector.Indices[i]];
        return new VBuffer<float>(dimension, values.Length, values, vector.Indices);
    }

    private sealed class BinaryRow
    {
        public bool Label { get; set; }

        public float Weight { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
