namespace Portal.IntegrationTests.Xss;

/// <summary>The sweep's detector finds each vector when it is written as markup, and not when it is encoded.</summary>
public sealed class XssVectorsTests
{
    public static TheoryData<string> ExecutableVectors() => [.. XssVectors.All.Where(v => !v.StartsWith('{'))];

    [Theory]
    [MemberData(nameof(ExecutableVectors))]
    public void ScriptableParts_FindTheVectorWrittenAsMarkup(string vector)
    {
        // As a template that forgot to encode would write it: in a link, in a quoted attribute, or as text.
        var html = vector.StartsWith("javascript:", StringComparison.Ordinal) ? $"<a href=\"{vector}\">x</a>"
            : vector[0] == '\'' ? $"<input value='{vector}'>"
            : $"<input value=\"{vector}\"><p>{vector}</p>";

        Assert.NotEmpty(XssVectors.ScriptableParts(html));
    }

    [Theory]
    [MemberData(nameof(ExecutableVectors))]
    public void ScriptableParts_IgnoreTheVectorEncodedAsText(string vector)
    {
        var encoded = System.Net.WebUtility.HtmlEncode(vector);

        Assert.Empty(XssVectors.ScriptableParts($"<p title=\"{encoded}\">{encoded}</p><a href=\"/x\">{encoded}</a>"));
    }
}
