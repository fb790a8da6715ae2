using Portal.Moderation.Routing;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Routing;

public sealed class RouterTextTests
{
    private static readonly HashSet<string> NoLexicon = [];

    // ---- Normalize ----

    [Fact]
    public void Normalize_FullWidthLettersAndDigits_BecomeHalfWidthLowerCase()
    {
        Assert.Equal("wifi没信号123号abc", RouterText.Normalize("ＷｉＦｉ没信号１２３号ABC"));
    }

    [Fact]
    public void Normalize_WhiteSpaceOfAnyKind_IsRemoved()
    {
        Assert.Equal("小区电梯坏了没人修", RouterText.Normalize(" 小区 电梯\t坏了\r\n没人\u3000修 "));
    }

    [Fact]
    public void Normalize_PunctuationAndHan_AreKept()
    {
        Assert.Equal("电梯坏了!谁来修?", RouterText.Normalize("电梯坏了！谁来修？"));
    }

    [Fact]
    public void Normalize_SegmentedAndRawText_LookAlike()
    {
        Assert.Equal(RouterText.Normalize("公交车班次太少"), RouterText.Normalize("公交车 班次 太少"));
    }

    // ---- LearnLexicon ----

    [Fact]
    public void LearnLexicon_SegmentedRows_LearnsHanWordsUsedAtLeastTwice()
    {
        LabelledMessage[] messages =
        [
            new("电梯 故障", "我们 小区 电梯 坏了 一个月 没人 修 。", "城乡建设"),
            new("电梯 停运", "咱们 小区 电梯 坏了 ， 物业 不 管 。", "城乡建设"),
            new("公交 班次 少", "公交车 班次 太少 ， 等 车 要 一个 小时 。", "交通运输"),
        ];

        var lexicon = RouterText.LearnLexicon(messages);

        // 电梯 ×4, 小区 ×2, 坏了 ×2, 班次 ×2; words used once (一个月, 物业, 公交车…), single characters and punctuation are not learnt.
        Assert.Equal(["坏了", "小区", "班次", "电梯"], lexicon.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LearnLexicon_WordsWithLettersDigitsOrLongerThanSixHan_AreNotLearnt()
    {
        LabelledMessage[] messages =
        [
            new("12路 公交 wifi 没 信号", "中华人民共和国 12路 公交 wifi 没 信号", "交通运输"),
            new("12路 公交 wifi 没 信号", "中华人民共和国 12路 公交 wifi 没 信号", "交通运输"),
        ];

        var lexicon = RouterText.LearnLexicon(messages);

        Assert.Equal(["信号", "公交"], lexicon.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LearnLexicon_FullWidthSpacesSegmentRowsToo()
    {
        LabelledMessage[] messages =
        [
            new("噪音\u3000扰民\u3000问题", "工地\u3000夜间\u3000施工\u3000噪音\u3000扰民", "环境保护"),
        ];

        var lexicon = RouterText.LearnLexicon(messages);

        Assert.Equal(["噪音", "扰民"], lexicon.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LearnLexicon_WordEndingTitleAndWordStartingBody_AreCounted()
    {
        // Each row uses 电梯 once at the end of its title and 物业 once at the start of its body:
        // title and body are separate texts, so both words are used twice across the rows.
        LabelledMessage[] messages =
        [
            new("小区 老旧 电梯", "物业 拖着 不 修", "城乡建设"),
            new("高层 住宅 电梯", "物业 说 没 钱 修", "城乡建设"),
        ];

        var lexicon = RouterText.LearnLexicon(messages);

        Assert.Contains("电梯", lexicon);
        Assert.Contains("物业", lexicon);
    }

    [Fact]
    public void LearnLexicon_RawText_IsEmpty()
    {
        LabelledMessage[] messages =
        [
            new("小区电梯坏了", "小区电梯坏了一个月没人修，物业不管。", "城乡建设"),
            new("小区电梯坏了", "小区电梯坏了一个月没人修，物业不管。", "城乡建设"),
            new("公交 班次 太少", "希望 12 路公交车增加班次，早高峰等车要一个小时。", "交通运输"),
        ];

        Assert.Empty(RouterText.LearnLexicon(messages));
    }

    [Fact]
    public void LearnLexicon_RawFixture_IsEmpty()
    {
        Assert.Empty(RouterText.LearnLexicon(RoutingFixtureData.Messages));
    }

    // ---- Segment ----

    [Fact]
    public void Segment_LexiconWords_PrefersTheLongestMatch()
    {
        HashSet<string> lexicon = ["公交", "公交车", "班次", "车班"];

        Assert.Equal(["公交车", "班次", "太", "少"], Words(RouterText.Segment("公交车班次太少", lexicon)));
    }

    [Fact]
    public void Segment_ForwardMaximumMatching_TakesTheLongestWordAtEachPosition()
    {
        HashSet<string> lexicon = ["研究", "研究生", "生命", "起源"];

        Assert.Equal(["研究生", "命", "起源"], Words(RouterText.Segment("研究生命起源", lexicon)));
    }

    [Fact]
    public void Segment_WithoutLexicon_SplitsHanCharactersSingly()
    {
        Assert.Equal(["电", "梯", "坏", "了"], Words(RouterText.Segment("电梯坏了", NoLexicon)));
    }

    [Fact]
    public void Segment_UnknownHanCharacters_AreSplitSingly()
    {
        HashSet<string> lexicon = ["电梯"];

        Assert.Equal(["小", "区", "电梯", "坏", "了"], Words(RouterText.Segment("小区电梯坏了", lexicon)));
    }

    [Fact]
    public void Segment_AsciiAndDigitRuns_StayTogether()
    {
        HashSet<string> lexicon = ["公交车"];

        Assert.Equal(["12", "路", "公交车", "wifi", "没", "信", "号", "5g"], Words(RouterText.Segment("12路公交车wifi没信号5g", lexicon)));
    }

    [Fact]
    public void Segment_Punctuation_IsDropped()
    {
        HashSet<string> lexicon = ["电梯"];

        Assert.Equal(["电梯", "坏", "了", "谁", "来", "修"], Words(RouterText.Segment("“电梯”坏了！谁来修？。,.", lexicon)));
    }

    [Fact]
    public void Segment_NormalizedRawAndSegmentedText_GiveTheSameWords()
    {
        HashSet<string> lexicon = ["公交车", "班次", "太少"];
        var raw = RouterText.Normalize("公交车班次太少。");
        var segmented = RouterText.Normalize("公交车 班次 太少 。");

        Assert.Equal(RouterText.Segment(raw, lexicon), RouterText.Segment(segmented, lexicon));
    }

    [Fact]
    public void Segment_EmptyText_IsEmpty()
    {
        Assert.Empty(Words(RouterText.Segment("", NoLexicon)));
    }

    private static string[] Words(string segmented) => segmented.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
