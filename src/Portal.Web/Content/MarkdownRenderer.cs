using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;

namespace Portal.Web.Content;

/// <summary>
/// Markdown to safe HTML: one Markdig pipeline (raw HTML disabled) and one HtmlSanitizer with a narrow,
/// explicit allow-list. The only way HTML is produced from text in the portal; its output goes to
/// <c>MarkdownView</c>.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>The <c>rel</c> every link carries.</summary>
    public const string LinkRel = "nofollow noopener";

    private static readonly string[] AllowedTags =
    [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr",
        "ul", "ol", "li", "a", "strong", "em", "code", "pre", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td",
    ];

    // No style, no class, no id (DOM clobbering), no event handlers, no src: images are left out on purpose
    // (a remote image would tell a third party who reads the page).
    private static readonly string[] AllowedAttributes = ["href", "title", "colspan", "rowspan", "start"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement anchor)
                anchor.SetAttribute("rel", LinkRel);
        };
    }

    /// <summary>Renders <paramref name="markdown"/> and keeps only the allowed tags, attributes and link schemes.</summary>
    public SanitizedHtml Render(string? markdown) => new(_sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", _pipeline)));
}
