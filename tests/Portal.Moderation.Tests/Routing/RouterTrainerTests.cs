using System.Reflection;
using Microsoft.ML;
using Portal.Moderation.Routing;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Routing;

public sealed class RouterTrainerTests(TrainedRouterFixture trained) : IClassFixture<TrainedRouterFixture>
{
    private static readonly string[] FixtureLabels = ["交通运输", "劳动和社会保障", "卫生计生", "商贸旅游", "城乡建设", "教育文体", "环境保护"];

    /// <summary>New messages, not in the fixture, whose department is plain.</summary>
    private static readonly (string Text, string Department)[] ClearMessages =
    [
        ("小区电梯坏了一个月没人修", "城乡建设"),
        ("工厂晚上偷排废气，味道刺鼻", "环境保护"),
        ("公交车班次太少，等车要一个小时", "交通运输"),
        ("孩子上小学划片入学问题", "教育文体"),
        ("老板拖欠三个月工资不发", "劳动和社会保障"),
        ("超市卖过期食品还不给退", "商贸旅游"),
        ("医院挂号排队太久，医生态度差", "卫生计生"),
    ];

    // ---- The trained model ----

    [Fact]
    public void Fixture_HasTwelveRowsForEachOfSevenLabels()
    {
        Assert.Equal(84, trained.Messages.Count);
        Assert.All(trained.Messages.GroupBy(m => m.Label), group => Assert.Equal(12, group.Count()));
        Assert.Equal(FixtureLabels, trained.Messages.Select(m => m.Label).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Train_ClearNewMessages_RoutesAtLeastSixOfSevenRight()
    {
        var outcomes = ClearMessages
            .Select(m => (m.Text, Expected: m.Department, Predicted: trained.Model.Predict("", m.Text).Best.Label))
            .ToList();

        var wrong = outcomes.Where(o => o.Predicted != o.Expected).ToList();
        Assert.True(wrong.Count <= 1, "Misrouted: " + string.Join("; ", wrong.Select(o => $"{o.Text} → {o.Predicted} (expected {o.Expected})")));
    }

    [Fact]
    public void Predict_AnyMessage_RanksEveryLabelOnceWithProbabilitiesBestFirst()
    {
        var texts = trained.Messages.Select(m => (m.Title, m.Body))
            .Concat(ClearMessages.Select(m => ("", m.Text)));

        Assert.All(texts, t => AssertWellFormed(trained.Model.Predict(t.Item1, t.Item2)));
    }

    [Fact]
    public void Predict_SameMessageTwice_GivesTheSameScores()
    {
        var message = trained.Messages[0];

        Assert.Equal(trained.Model.Predict(message.Title, message.Body).Ranked, trained.Model.Predict(message.Title, message.Body).Ranked);
    }

    [Fact]
    public void Predict_FullWidthAndSpacedText_IsReadLikePlainText()
    {
        var plain = trained.Model.Predict("12路公交车", "班次太少，等车要一个小时");
        var variant = trained.Model.Predict("１２路 公交车", "班次 太少， 等车\u3000要一个小时");

        Assert.Equal(plain.Ranked, variant.Ranked);
    }

    [Fact]
    public void Predict_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => trained.Model.Predict(null!, "正文"));
        Assert.Throws<ArgumentNullException>(() => trained.Model.Predict("标题", null!));
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesIdenticalScoresAndEvaluation()
    {
        using var again = RouterTrainer.Train(trained.Messages, RoutingFixtureData.Options);

        Assert.All(trained.Messages, m => Assert.Equal(trained.Model.Predict(m.Title, m.Body).Ranked, again.Predict(m.Title, m.Body).Ranked));
        var first = trained.Model.Metadata.Evaluation!;
        var second = again.Metadata.Evaluation!;
        Assert.Equal(first.Accuracy, second.Accuracy);
        Assert.Equal(first.Curve, second.Curve);
        Assert.Equal(first.Confusion, second.Confusion);
        Assert.Equal(first.RecommendedThreshold, second.RecommendedThreshold);
    }

    [Fact]
    public void Train_FinalModel_IsTheModelFitOnAllTheData()
    {
        using var fitted = RouterTrainer.Fit(trained.Messages, RoutingFixtureData.Options);

        Assert.Null(fitted.Metadata.Evaluation);
        Assert.Equal(1f, fitted.Metadata.Threshold);
        Assert.All(trained.Messages.Take(14), m => Assert.Equal(trained.Model.Predict(m.Title, m.Body).Ranked, fitted.Predict(m.Title, m.Body).Ranked));
    }

    [Fact]
    public void Train_Progress_ReportsEachFoldThenTheFinalFitAndEndsAtOne()
    {
        var progress = trained.Progress;

        Assert.Equal(5, progress.Count); // three folds, the final fit, done
        Assert.All(progress.Zip(progress.Skip(1)), pair => Assert.True(pair.Second.Fraction > pair.First.Fraction));
        Assert.Equal(0, progress[0].Fraction);
        Assert.Equal(1, progress[^1].Fraction);
        Assert.All(progress, p => Assert.False(string.IsNullOrWhiteSpace(p.Step)));
    }

    // ---- Metadata ----

    [Fact]
    public void Train_Metadata_RecordsLabelsRowsVersionOptionsLexiconAndTime()
    {
        var metadata = trained.Model.Metadata;

        Assert.Equal(RouterModelMetadata.CurrentFormatVersion, metadata.FormatVersion);
        Assert.Equal(FixtureLabels, metadata.Labels.Order(StringComparer.Ordinal));
        Assert.Equal(FixtureLabels, metadata.RowsPerLabel.Keys.Order(StringComparer.Ordinal));
        Assert.All(metadata.RowsPerLabel.Values, rows => Assert.Equal(12, rows));
        Assert.Equal(84, metadata.ExampleCount);
        // The package version (5.0.1), not the assembly version, which ML.NET keeps at 1.0.0.0.
        var package = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Assert.Equal(package, metadata.MlNetVersion);
        Assert.NotEqual("1.0.0.0", metadata.MlNetVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+", metadata.MlNetVersion);
        Assert.Equal(RoutingFixtureData.Options, metadata.Options);
        Assert.Equal(0, metadata.LexiconSize); // the fixture is raw text: no segmented rows to learn words from
        Assert.Equal(DateTimeKind.Utc, metadata.TrainedAtUtc.Kind);
        Assert.InRange(metadata.TrainedAtUtc, trained.StartedAtUtc, trained.FinishedAtUtc);
        Assert.True(metadata.TrainingSeconds > 0);
    }

    [Fact]
    public void Train_Metadata_LabelsAreInTheOrderOfTheScores()
    {
        var metadata = trained.Model.Metadata;
        var prediction = trained.Model.Predict("", "小区电梯坏了一个月没人修");

        Assert.Equal(metadata.Labels.Order(StringComparer.Ordinal), prediction.Ranked.Select(r => r.Label).Order(StringComparer.Ordinal));
        Assert.Equal(metadata.Labels.Count, metadata.Labels.Distinct().Count());
    }

    [Fact]
    public void Fit_SegmentedRows_RecordsTheLexiconSize()
    {
        // Three segmented rows; each repeats words between its title and body.
        var messages = trained.Messages
            .Concat([
                new LabelledMessage("小区 电梯 坏了", "小区 电梯 坏了 没人 修", "城乡建设"),
                new LabelledMessage("公交 班次 太少", "公交 班次 太少 等 车", "交通运输"),
                new LabelledMessage("拖欠 工资 不发", "老板 拖欠 工资 三个 月", "劳动和社会保障"),
            ])
            .ToList();

        using var model = RouterTrainer.Fit(messages, RoutingFixtureData.Options);

        Assert.True(model.Metadata.LexiconSize > 0);
        Assert.Equal(RouterText.LearnLexicon(messages).Count, model.Metadata.LexiconSize);
    }

    // ---- Evaluation ----

    [Fact]
    public void Train_Evaluation_CrossValidatesEveryFixtureMessage()
    {
        var evaluation = trained.Model.Metadata.Evaluation;

        Assert.NotNull(evaluation);
        Assert.Equal(84, evaluation.N);
        Assert.Contains("3 折", evaluation.Method, StringComparison.Ordinal);
        Assert.Equal(FixtureLabels, evaluation.Labels);
        Assert.All(evaluation.PerClass.Values, metrics => Assert.Equal(12, metrics.Support));
        Assert.All(evaluation.Confusion, row => Assert.Equal(12, row.Sum()));
        var diagonal = Enumerable.Range(0, evaluation.Labels.Count).Sum(i => evaluation.Confusion[i][i]);
        Assert.Equal(diagonal / 84.0, evaluation.Accuracy, 12);
        Assert.True(evaluation.Accuracy >= 0.5, $"Cross-validated accuracy {evaluation.Accuracy:P1} is far below what the fixture supports.");
        Assert.InRange(evaluation.MacroF1, 0, 1);
    }

    [Fact]
    public void Train_Evaluation_CurveHas101PointsWithCoverageFallingAsTheThresholdRises()
    {
        var curve = trained.Model.Metadata.Evaluation!.Curve;

        Assert.Equal(101, curve.Count);
        Assert.Equal(0f, curve[0].Threshold);
        Assert.Equal(1f, curve[^1].Threshold);
        Assert.Equal(1, curve[0].Coverage);
        Assert.All(curve.Zip(curve.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Threshold > pair.First.Threshold);
            Assert.True(pair.Second.Coverage <= pair.First.Coverage, $"Coverage rises from {pair.First} to {pair.Second}.");
        });
        Assert.All(curve, point => Assert.InRange(point.Precision, 0, 1));
    }

    [Fact]
    public void Train_Evaluation_RecommendsTheLowestThresholdThatReachesTheTargetPrecision()
    {
        var evaluation = trained.Model.Metadata.Evaluation!;

        Assert.Equal(RoutingFixtureData.Options.TargetPrecision, evaluation.TargetPrecision);
        Assert.Equal(evaluation.RecommendedThreshold, trained.Model.Metadata.Threshold);
        var reaching = evaluation.Curve.Where(p => p.Coverage > 0 && p.Precision >= evaluation.TargetPrecision).ToList();
        if (reaching.Count == 0)
        {
            Assert.Equal(1f, evaluation.RecommendedThreshold);
            Assert.Equal(0, evaluation.CoverageAtThreshold);
        }
        else
        {
            Assert.Equal(reaching.Min(p => p.Threshold), evaluation.RecommendedThreshold);
            Assert.True(evaluation.PrecisionAtThreshold >= evaluation.TargetPrecision);
            var point = evaluation.Curve.Single(p => p.Threshold == evaluation.RecommendedThreshold);
            Assert.Equal(point.Coverage, evaluation.CoverageAtThreshold);
            Assert.Equal(point.Precision, evaluation.PrecisionAtThreshold);
        }
    }

    // ---- Folds ----

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void StratifiedFolds_Fixture_SpreadsEachLabelEvenlyAcrossFolds(int folds)
    {
        var assignment = RouterTrainer.StratifiedFolds(trained.Messages, folds, seed: 2026);

        Assert.Equal(trained.Messages.Count, assignment.Length);
        Assert.All(assignment, fold => Assert.InRange(fold, 0, folds - 1));
        foreach (var label in FixtureLabels)
        {
            var perFold = Enumerable.Range(0, folds)
                .Select(fold => Enumerable.Range(0, assignment.Length).Count(i => assignment[i] == fold && trained.Messages[i].Label == label))
                .ToArray();
            Assert.Equal(12, perFold.Sum());
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{label}: {string.Join(", ", perFold)}");
        }
    }

    [Fact]
    public void StratifiedFolds_ThreeFoldsOfTwelve_GivesFourOfEachLabelPerFold()
    {
        var assignment = RouterTrainer.StratifiedFolds(trained.Messages, 3, seed: 7);

        var cells = trained.Messages.Select((m, i) => (m.Label, Fold: assignment[i])).GroupBy(c => c).ToList();
        Assert.Equal(FixtureLabels.Length * 3, cells.Count);
        Assert.All(cells, cell => Assert.Equal(4, cell.Count()));
    }

    [Fact]
    public void StratifiedFolds_UnevenLabels_DifferByAtMostOnePerFold()
    {
        var messages = Rows("甲", 7).Concat(Rows("乙", 5)).Concat(Rows("丙", 11)).ToList();

        var assignment = RouterTrainer.StratifiedFolds(messages, 3, seed: 1);

        foreach (var label in new[] { "甲", "乙", "丙" })
        {
            var perFold = Enumerable.Range(0, 3).Select(fold => messages.Where((m, i) => m.Label == label && assignment[i] == fold).Count()).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{label}: {string.Join(", ", perFold)}");
        }
    }

    [Fact]
    public void StratifiedFolds_SameSeed_SameFolds_OtherSeed_OtherFolds()
    {
        var first = RouterTrainer.StratifiedFolds(trained.Messages, 3, seed: 2026);

        Assert.Equal(first, RouterTrainer.StratifiedFolds(trained.Messages, 3, seed: 2026));
        Assert.NotEqual(first, RouterTrainer.StratifiedFolds(trained.Messages, 3, seed: 2027));
    }

    // ---- Data that cannot train ----

    [Fact]
    public void Train_OneLabelOnly_ThrowsSayingTwoLabelsAreNeeded()
    {
        var messages = trained.Messages.Where(m => m.Label == "城乡建设").ToList();

        var ex = Assert.Throws<RouterTrainingException>(() => RouterTrainer.Train(messages, RoutingFixtureData.Options));

        Assert.Contains("至少需要 2 个部门", ex.Message, StringComparison.Ordinal);
        Assert.Contains("只有 1 个", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_NoMessages_ThrowsSayingTwoLabelsAreNeeded()
    {
        var ex = Assert.Throws<RouterTrainingException>(() => RouterTrainer.Train([], RoutingFixtureData.Options));

        Assert.Contains("只有 0 个", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_LabelWithFewerThanFiveRows_ThrowsNamingTheLabelAndItsCount()
    {
        var messages = trained.Messages.Concat(Rows("民政", 4)).ToList();

        var ex = Assert.Throws<RouterTrainingException>(() => RouterTrainer.Train(messages, RoutingFixtureData.Options));

        Assert.Contains("至少需要 5 条", ex.Message, StringComparison.Ordinal);
        Assert.Contains("“民政”4 条", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("城乡建设", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_LabelWithFewerRowsThanFolds_ThrowsNamingTheFoldCount()
    {
        var messages = trained.Messages.Concat(Rows("民政", 6)).ToList();

        var ex = Assert.Throws<RouterTrainingException>(() => RouterTrainer.Train(messages, new RouterTrainingOptions { Folds = 7 }));

        Assert.Contains("至少需要 7 条", ex.Message, StringComparison.Ordinal);
        Assert.Contains("“民政”6 条", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Train_EmptyLabel_ThrowsSayingARowHasNoLabel(string label)
    {
        var messages = trained.Messages.Append(new LabelledMessage("路灯不亮", "小区门口路灯坏了。", label)).ToList();

        var ex = Assert.Throws<RouterTrainingException>(() => RouterTrainer.Train(messages, RoutingFixtureData.Options));

        Assert.Contains("没有标签", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_BadData_ThrowsLikeTrain()
    {
        var messages = trained.Messages.Where(m => m.Label == "城乡建设").ToList();

        Assert.Throws<RouterTrainingException>(() => RouterTrainer.Fit(messages, RoutingFixtureData.Options));
    }

    [Fact]
    public void Train_NullMessages_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => RouterTrainer.Train(null!, RoutingFixtureData.Options));
    }

    // ---- Cancellation ----

    [Fact]
    public void Train_CancelledBeforeTraining_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => RouterTrainer.Train(trained.Messages, RoutingFixtureData.Options, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Fit_CancelledBeforeTraining_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => RouterTrainer.Fit(trained.Messages, RoutingFixtureData.Options, cancellation.Token));
    }

    private static IEnumerable<LabelledMessage> Rows(string label, int count) =>
        Enumerable.Range(1, count).Select(i => new LabelledMessage($"{label}问题{i}", $"关于{label}的第{i}条留言。", label));

    private static void AssertWellFormed(RoutingPrediction prediction)
    {
        Assert.Equal(FixtureLabels, prediction.Ranked.Select(r => r.Label).Order(StringComparer.Ordinal));
        Assert.All(prediction.Ranked, r => Assert.InRange(r.Confidence, 0f, 1f));
        Assert.All(prediction.Ranked.Zip(prediction.Ranked.Skip(1)), pair => Assert.True(pair.First.Confidence >= pair.Second.Confidence));
        Assert.Equal(1.0, prediction.Ranked.Sum(r => (double)r.Confidence), 4);
        Assert.Same(prediction.Ranked[0], prediction.Best);
    }
}
