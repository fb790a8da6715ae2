using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Portal.Web.Content;

namespace Portal.Web.Tests;

public sealed class MarkupSafetyTests
{
    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "src", "Portal.Web"));

    [Fact]
    public void OnlyMarkdownView_WritesAMarkupString()
    {
        var offenders = Directory.EnumerateFiles(SourceRoot(), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("MarkupString", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Equal(["MarkdownView.razor"], offenders);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[点我](javascript:alert(1))", "javascript:")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<svg onload=alert(1)>", "<svg")]
    public void Markdown_IsSanitized(string markdown, string forbidden)
    {
        var pages = new ContentPages(Options.Create(new PortalOptions()), new FakeEnvironment());

        var html = pages.RenderMarkdown(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("../appsettings")]
    [InlineData("/etc/passwd")]
    [InlineData("Guide")]
    [InlineData("")]
    public async Task ContentPages_RefuseSlugsThatAreNotPlainNames(string slug)
    {
        var pages = new ContentPages(Options.Create(new PortalOptions()), new FakeEnvironment());

        Assert.Null(await pages.GetAsync(slug));
    }

    [Fact]
    public async Task ContentPages_RenderTheShippedGuide()
    {
        var pages = new ContentPages(Options.Create(new PortalOptions()), new FakeEnvironment());

        var page = await pages.GetAsync("guide");

        Assert.NotNull(page);
        Assert.Equal("办事指南", page.Title);
        Assert.Contains("<h2", page.Html, StringComparison.Ordinal);
    }

    private sealed class FakeEnvironment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "Portal.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = SourceRoot();
        public string EnvironmentName { get; set; } = "Testing";
    }
}
