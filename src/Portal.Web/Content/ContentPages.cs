using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Options;

namespace Portal.Web.Content;

/// <summary>
/// Editable Markdown pages from the content folder (wwwroot-content/pages), rendered through one Markdig
/// pipeline and one HtmlSanitizer. Slugs are plain names resolved inside the folder: no paths.
/// </summary>
public sealed partial class ContentPages
{
    private readonly string _root;
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private readonly HtmlSanitizer _sanitizer = new();

    public ContentPages(IOptions<PortalOptions> options, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = Path.IsPathRooted(options.Value.ContentPath)
            ? options.Value.ContentPath
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ContentPath));
        _root = Directory.Exists(configured) ? configured : Path.Combine(AppContext.BaseDirectory, "wwwroot-content");
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("mailto");
    }

    /// <summary>The page's title (its first heading) and sanitized HTML, or null when there is no such page.</summary>
    public async Task<ContentPage?> GetAsync(string? slug, CancellationToken ct = default)
    {
        if (slug is null || !SlugPattern().IsMatch(slug))
            return null;
        var path = Path.GetFullPath(Path.Combine(_root, "pages", slug + ".md"));
        if (!path.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            return null;
        var markdown = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        return new ContentPage(TitleOf(markdown) ?? slug, RenderMarkdown(markdown));
    }

    /// <summary>Markdown to safe HTML; the only way HTML is produced from text in the portal.</summary>
    public string RenderMarkdown(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", _pipeline));

    private static string? TitleOf(string markdown) =>
        markdown.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SlugPattern();
}

public sealed record ContentPage(string Title, string Html);
