using Portal.Web.Components.Shared;
using Portal.Web.Content;

namespace Portal.Web.Tests;

/// <summary>
/// Text that people write is never rendered as HTML (OWASP ASVS 1.2.1): Razor encodes it, and the one component
/// that writes raw HTML, <see cref="MarkdownView"/>, takes only <see cref="SanitizedHtml"/> from the sanitizer.
/// </summary>
public sealed class MarkupSafetyTests
{
    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "src"));

    private static readonly string[] SourceExtensions = [".razor", ".cs", ".cshtml"];

    /// <summary>Every source file of the portal (not build output).</summary>
    private static IEnumerable<string> SourceFiles(params string[] extensions) =>
        Directory.EnumerateFiles(SourceRoot(), "*.*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static List<string?> FilesContaining(string text, IEnumerable<string> files) =>
        [.. files.Where(f => File.ReadAllText(f).Contains(text, StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal)];

    [Fact]
    public void OnlyMarkdownView_WritesAMarkupString()
    {
        // Covers `(MarkupString)` casts, `new MarkupString(...)` and aliases of the type alike.
        Assert.Equal(["MarkdownView.razor"], FilesContaining("MarkupString", SourceFiles(SourceExtensions)));
    }

    [Theory]
    [InlineData("AddMarkupContent")]
    [InlineData("Html.Raw")]
    [InlineData("HtmlString")]
    [InlineData("IHtmlContent")]
    [InlineData("HtmlContentBuilder")]
    [InlineData("AppendHtml")]
    public void NoSourceFile_WritesRawHtmlAnotherWay(string bypass)
    {
        Assert.Empty(FilesContaining(bypass, SourceFiles(SourceExtensions)));
    }

    [Theory]
    [InlineData("innerHTML")]
    [InlineData("outerHTML")]
    [InlineData("insertAdjacentHTML")]
    [InlineData("document.write")]
    [InlineData("eval(")]
    [InlineData("new Function")]
    public void NoScriptOfThePortal_WritesHtmlOrEvaluatesText(string sink)
    {
        Assert.Empty(FilesContaining(sink, SourceFiles(".js")));
    }

    [Fact]
    public void MarkdownView_AcceptsOnlySanitizedHtml()
    {
        var parameter = typeof(MarkdownView).GetProperty(nameof(MarkdownView.Html))!;

        Assert.Equal(typeof(SanitizedHtml), parameter.PropertyType);
        Assert.DoesNotContain(typeof(SanitizedHtml).GetConstructors(), c => c.IsPublic);
    }

    [Fact]
    public void SanitizedHtml_IsHandledOnlyOnTheMarkdownPath()
    {
        // Its constructor is internal to Portal.Web; any code that could make one (even with a target-typed new)
        // has to name the type. A new file here needs a review that it only passes MarkdownRenderer output on.
        Assert.Equal(
            ["ContentPageStore.cs", "MarkdownRenderer.cs", "MarkdownView.razor", "SanitizedHtml.cs"],
            FilesContaining("SanitizedHtml", SourceFiles(SourceExtensions)));
    }
}
