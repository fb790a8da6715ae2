using Portal.Moderation.Opinions;

namespace Portal.Moderation.Tests.Opinions;

public sealed class TextInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n \n")]
    [InlineData("\u3000\u3000")]
    [InlineData("\u200B\uFEFF\u202E")]
    [InlineData("\u0000\u0007\u001B")]
    public void Clean_NothingVisibleLeft_ReturnsNull(string? value)
    {
        Assert.Null(TextInput.Clean(value));
        Assert.Null(TextInput.Clean(value, multiline: true));
    }

    [Theory]
    [InlineData("路灯\u0000坏了", "路灯坏了")]
    [InlineData("路灯\u0007\u0008坏了", "路灯坏了")]
    [InlineData("\u001B[31m路灯坏了", "[31m路灯坏了")]
    [InlineData("路灯\u007F坏了", "路灯坏了")]
    [InlineData("路灯\u0085坏了", "路灯坏了")]
    public void Clean_RemovesControlCharacters(string value, string expected)
    {
        Assert.Equal(expected, TextInput.Clean(value));
    }

    [Theory]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u200C")] // zero-width non-joiner
    [InlineData("\u200D")] // zero-width joiner
    [InlineData("\uFEFF")] // byte-order mark / zero-width no-break space
    [InlineData("\u200E")] // left-to-right mark
    [InlineData("\u200F")] // right-to-left mark
    [InlineData("\u202A")] // left-to-right embedding
    [InlineData("\u202B")]
    [InlineData("\u202C")]
    [InlineData("\u202D")]
    [InlineData("\u202E")] // right-to-left override
    [InlineData("\u2066")] // left-to-right isolate
    [InlineData("\u2067")]
    [InlineData("\u2068")]
    [InlineData("\u2069")]
    [InlineData("\u2028")] // line separator
    [InlineData("\u2029")] // paragraph separator
    public void Clean_RemovesZeroWidthAndBidiCharacters(string invisible)
    {
        Assert.Equal("路灯坏了", TextInput.Clean($"路灯{invisible}坏了"));
        Assert.Equal("路灯坏了", TextInput.Clean($"路灯{invisible}坏了", multiline: true));
    }

    [Theory]
    [InlineData("第一行\r\n第二行", "第一行\n第二行")]
    [InlineData("第一行\r第二行", "第一行\n第二行")]
    [InlineData("第一行\n第二行", "第一行\n第二行")]
    [InlineData("第一行\r\n\r\n第二行", "第一行\n\n第二行")]
    [InlineData("一\t二", "一\t二")]
    public void Clean_Multiline_NormalizesLineBreaksToLf_AndKeepsTabs(string value, string expected)
    {
        Assert.Equal(expected, TextInput.Clean(value, multiline: true));
    }

    [Theory]
    [InlineData("第一行\r\n第二行", "第一行 第二行")]
    [InlineData("第一行\r第二行", "第一行 第二行")]
    [InlineData("第一行\n第二行", "第一行 第二行")]
    [InlineData("一\t二", "一 二")]
    public void Clean_SingleLine_TurnsLineBreaksAndTabsIntoSpaces(string value, string expected)
    {
        Assert.Equal(expected, TextInput.Clean(value));
    }

    [Theory]
    [InlineData("  路灯坏了  ", "路灯坏了")]
    [InlineData("\u3000路灯坏了\u3000", "路灯坏了")]
    [InlineData("\r\n路灯坏了\r\n", "路灯坏了")]
    [InlineData("\u200B 路灯坏了 \u200B", "路灯坏了")]
    public void Clean_TrimsTheEnds(string value, string expected)
    {
        Assert.Equal(expected, TextInput.Clean(value, multiline: true));
    }

    [Fact]
    public void Clean_ComposesToNormalizationFormC()
    {
        Assert.Equal("caf\u00E9", TextInput.Clean("cafe\u0301"));
    }

    [Fact]
    public void Clean_LeavesOrdinaryChineseTextAlone()
    {
        const string text = "幸福小区3号楼前的路灯坏了两周，晚上出行不便！请尽快维修（谢谢）。";

        Assert.Equal(text, TextInput.Clean(text));
        Assert.Equal(text, TextInput.Clean(text, multiline: true));
    }

    [Fact]
    public void Clean_KeepsEmoji()
    {
        Assert.Equal("点赞👍", TextInput.Clean("点赞👍"));
    }
}
