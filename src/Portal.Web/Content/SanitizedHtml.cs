namespace Portal.Web.Content;

/// <summary>
/// HTML that came out of <see cref="MarkdownRenderer"/>'s sanitizer: the only input <c>MarkdownView</c> accepts,
/// so no other text can reach the one component that writes raw HTML. Only <see cref="MarkdownRenderer"/>
/// creates it (a test checks).
/// </summary>
public sealed class SanitizedHtml
{
    internal SanitizedHtml(string value) => Value = value;

    public string Value { get; }

    public static implicit operator string(SanitizedHtml html) => html?.Value ?? "";

    public override string ToString() => Value;
}
