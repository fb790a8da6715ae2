using AngleSharp.Html.Parser;

namespace Portal.IntegrationTests.Xss;

/// <summary>
/// The stored-XSS vectors put into every field people write. Each sets the sentinel global <c>window.__xss</c>
/// if it ever runs. All fit a 50-character field with a 5-character field tag in front.
/// </summary>
public static class XssVectors
{
    public static readonly IReadOnlyList<string> All =
    [
        "<script>window.__xss=1</script>",
        "\"><img src=x onerror=window.__xss=1>",
        "<svg onload=window.__xss=1>",
        "<iframe src=javascript:window.__xss=1>",
        "javascript:window.__xss=1",
        "' onmouseover='window.__xss=1' x='",
        "\" onfocus=\"window.__xss=1\" autofocus=\"",
        "{{__xss=1}}@(__xss=1)${__xss=1}",
    ];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data"];

    /// <summary>The marker every field of vector <paramref name="index"/> starts with, e.g. <c>XSSV3</c>.</summary>
    public static string Tag(int index) => $"XSSV{index}";

    /// <summary>The value stored in one field: the vector's tag, a field letter, a space and the vector.</summary>
    public static string Value(int index, char field) => $"{Tag(index)}{field} {All[index]}";

    /// <summary>
    /// The ways the page as a browser parses it could run a vector: a script or event handler carrying the sentinel,
    /// a javascript: URL, a frame or plug-in element. Empty when every vector stayed text.
    /// </summary>
    public static IReadOnlyList<string> ScriptableParts(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var found = new List<string>();
        foreach (var element in document.All)
        {
            var tag = element.LocalName;
            if (tag is "iframe" or "frame" or "object" or "embed")
                found.Add($"<{tag}> element");
            if (tag == "script" && element.TextContent.Contains("__xss", StringComparison.Ordinal))
                found.Add($"<script> with the sentinel: {element.OuterHtml}");
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal) && attribute.Value.Contains("__xss", StringComparison.Ordinal))
                    found.Add($"event handler {name} on <{tag}>: {attribute.Value}");
                if (UrlAttributes.Contains(name) && attribute.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    found.Add($"javascript: URL in {name} on <{tag}>: {attribute.Value}");
            }
        }

        return found;
    }
}
