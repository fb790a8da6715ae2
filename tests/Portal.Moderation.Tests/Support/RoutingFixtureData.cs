using Portal.Moderation.Routing;
using Portal.Moderation.Routing.Import;

namespace Portal.Moderation.Tests.Support;

/// <summary>
/// The committed routing fixture (Routing/Fixtures/routing-fixture.tsv, copied to the output directory):
/// 84 raw, unsegmented messages, 12 for each of 7 labels.
/// </summary>
public static class RoutingFixtureData
{
    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Routing", "Fixtures", "routing-fixture.tsv");

    private static readonly Lazy<IReadOnlyList<LabelledMessage>> _messages = new(() => RoutingDataReader.ReadFile(FilePath).Messages);

    public static IReadOnlyList<LabelledMessage> Messages => _messages.Value;

    /// <summary>The options the routing tests train with: three folds keep cross-validation quick.</summary>
    public static RouterTrainingOptions Options { get; } = new() { Folds = 3 };
}

/// <summary>
/// One router trained (<see cref="RouterTrainer.Train"/>: cross-validation, then the final fit) on the fixture per
/// test class that asks for it, with the progress it reported and the time around the training.
/// </summary>
public sealed class TrainedRouterFixture : IDisposable
{
    public TrainedRouterFixture()
    {
        var progress = new RecordingProgress();
        StartedAtUtc = DateTime.UtcNow;
        Model = RouterTrainer.Train(Messages, RoutingFixtureData.Options, progress);
        FinishedAtUtc = DateTime.UtcNow;
        Progress = progress.Reports;
    }

    public IReadOnlyList<LabelledMessage> Messages => RoutingFixtureData.Messages;

    public RouterModel Model { get; }

    public IReadOnlyList<TrainingProgress> Progress { get; }

    public DateTime StartedAtUtc { get; }

    public DateTime FinishedAtUtc { get; }

    public void Dispose() => Model.Dispose();

    /// <summary>Records reports synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class RecordingProgress : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];

        public void Report(TrainingProgress value) => Reports.Add(value);
    }
}
