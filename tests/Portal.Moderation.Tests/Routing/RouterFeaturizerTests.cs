using Portal.Moderation.Routing;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Routing;

public sealed class RouterFeaturizerTests
{
    private static readonly HashSet<string> NoLexicon = [];

    private static RouterFeaturizer Build(bool trigrams, params (string Title, string Body)[] texts) =>
        RouterFeaturizer.Build(texts, NoLexicon, new RouterTrainingOptions { CharTrigramView = trigrams, MinFeatureCount = 1 });

    [Fact]
    public void Build_TrigramView_AddsEachCharacterTrigramOnce()
    {
        var without = Build(trigrams: false, ("", "路灯不亮"));
        var with = Build(trigrams: true, ("", "路灯不亮"));

        // 路灯不亮: 4 unigrams + 3 bigrams (+ 4 one-character words without a lexicon); trigrams 路灯不, 灯不亮.
        Assert.Equal(without.Dimension + 2, with.Dimension);
    }

    [Fact]
    public void Build_CharNgramLengthThree_KeepsTheTrigramsInTheFirstViewOnly()
    {
        static RouterFeaturizer BuildWithLength3(bool trigrams) => RouterFeaturizer.Build(
            [("", "路灯不亮")], NoLexicon, new RouterTrainingOptions { CharNgramLength = 3, CharTrigramView = trigrams, MinFeatureCount = 1 });

        Assert.Equal(BuildWithLength3(trigrams: false).Dimension, BuildWithLength3(trigrams: true).Dimension);
    }

    [Fact]
    public void Vectorize_EachView_IsNormalisedOnItsOwn()
    {
        var featurizer = Build(trigrams: true, ("", "路灯不亮"), ("", "路面不平"));

        var vector = featurizer.Vectorize("", "路灯不亮");

        // Three views (1–2-grams, 3-grams, words), each of unit length: the squares sum to 3.
        var squares = vector.Values.Sum(v => (double)v * v);
        Assert.Equal(3, squares, precision: 5);
    }

    [Fact]
    public void Vectorize_TextShorterThanThreeLetters_HasNoTrigramsAndStillWorks()
    {
        var featurizer = Build(trigrams: true, ("", "路灯不亮"), ("", "路灯"), ("", "公园"));

        var vector = featurizer.Vectorize("", "路灯");

        Assert.NotEmpty(vector.Indices);
        Assert.Equal(2, vector.Values.Sum(v => (double)v * v), precision: 5); // 1–2-grams and words only
    }

    [Fact]
    public void Fit_ModelTrainedWithoutTheTrigramView_ReloadsAndPredictsExactlyAsBefore()
    {
        // Models trained before the trigram view existed (same file format) must keep routing unchanged.
        var options = RoutingFixtureData.Options with { CharTrigramView = false };
        using var model = RouterTrainer.Fit(RoutingFixtureData.Messages, options);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        using var loaded = RouterModel.Load(stream);

        foreach (var message in RoutingFixtureData.Messages.Take(20))
        {
            var before = model.Predict(message.Title, message.Body).Ranked;
            var after = loaded.Predict(message.Title, message.Body).Ranked;
            Assert.Equal(before, after);
        }
    }
}
