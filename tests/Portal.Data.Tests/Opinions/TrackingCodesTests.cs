using Portal.Data.Opinions;

namespace Portal.Data.Tests.Opinions;

public sealed class TrackingCodesTests
{
    [Fact]
    public void Alphabet_Has31DistinctCharacters_WithoutLookAlikes()
    {
        Assert.Equal(31, TrackingCodes.Alphabet.Length);
        Assert.Equal(TrackingCodes.Alphabet.Length, TrackingCodes.Alphabet.Distinct().Count());
        foreach (var lookAlike in "0O1IL")
            Assert.DoesNotContain(lookAlike, TrackingCodes.Alphabet);
    }

    [Fact]
    public void New_Has10CharactersFromTheAlphabet()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = TrackingCodes.New();

            Assert.Equal(TrackingCodes.Length, code.Length);
            Assert.All(code, c => Assert.Contains(c, TrackingCodes.Alphabet));
        }
    }

    [Fact]
    public void New_IsUniqueOver10000Draws_AndUsesTheWholeAlphabet()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCodes.New()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(TrackingCodes.Alphabet.Order(), codes.SelectMany(c => c).Distinct().Order());
    }

    [Fact]
    public void New_IsItsOwnNormalForm()
    {
        var code = TrackingCodes.New();

        Assert.Equal(code, TrackingCodes.Normalize(code));
    }

    [Theory]
    [InlineData("K7QMX3PA9R")]
    [InlineData("k7qmx3pa9r")]
    [InlineData("k7qmx-3pa9r")]
    [InlineData("K7QMX-3PA9R")]
    [InlineData(" K7QMX 3PA9R ")]
    [InlineData("k7 qm x3 pa 9r")]
    [InlineData("K7QMX－3PA9R")]
    [InlineData("K7QMX\u30003PA9R")]
    [InlineData("--K7QMX--3PA9R--")]
    [InlineData("Ｋ７ＱＭＸ－３ＰＡ９Ｒ")]
    [InlineData("ｋ7qmx3pa9r")]
    public void Normalize_AcceptsWhatPeopleType(string input)
    {
        Assert.Equal("K7QMX3PA9R", TrackingCodes.Normalize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-----")]
    [InlineData("K7QMX3PA9")]
    [InlineData("K7QMX3PA9RR")]
    [InlineData("K7QMX-3PA9R-2")]
    [InlineData("K7QMX3PA90")]
    [InlineData("K7QMX3PA9O")]
    [InlineData("K7QMX3PA91")]
    [InlineData("K7QMX3PA9I")]
    [InlineData("K7QMX3PA9L")]
    [InlineData("k7qmx3pa9l")]
    [InlineData("k7qmx3pa9o")]
    [InlineData("K7QMX_3PA9R")]
    [InlineData("K7QMX.3PA9R")]
    [InlineData("查询码K7QMX3PA9R")]
    public void Normalize_RejectsWhatCannotBeACode(string? input)
    {
        Assert.Null(TrackingCodes.Normalize(input));
    }

    [Fact]
    public void Normalize_RejectsInputLongerThan40Characters_EvenIfItWouldNormalize()
    {
        var atLimit = new string(' ', 30) + "K7QMX3PA9R";
        var overLimit = new string(' ', 31) + "K7QMX3PA9R";

        Assert.Equal("K7QMX3PA9R", TrackingCodes.Normalize(atLimit));
        Assert.Null(TrackingCodes.Normalize(overLimit));
        Assert.Null(TrackingCodes.Normalize(new string('K', 10_000)));
    }

    [Fact]
    public void Format_SplitsTheCodeIntoTwoGroupsOfFive()
    {
        Assert.Equal("K7QMX-3PA9R", TrackingCodes.Format("K7QMX3PA9R"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("K7QMX")]
    [InlineData("K7QMX-3PA9R")]
    public void Format_LeavesAnythingNotTenCharactersLongAlone(string input)
    {
        Assert.Equal(input, TrackingCodes.Format(input));
    }

    [Fact]
    public void Format_ThenNormalize_RoundTrips()
    {
        var code = TrackingCodes.New();

        var formatted = TrackingCodes.Format(code);

        Assert.Matches("^[2-9A-Z]{5}-[2-9A-Z]{5}$", formatted);
        Assert.Equal(code, TrackingCodes.Normalize(formatted));
        Assert.Equal(code, TrackingCodes.Normalize(formatted.ToLowerInvariant()));
    }
}
