using Portal.Web.Content;

namespace Portal.Web.Tests.Content;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<style>body{display:none}</style>", "<style")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<svg onload=alert(1)>", "<svg")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "<iframe")]
    [InlineData("<form action=\"https://example.com\"><input name=a></form>", "<form")]
    [InlineData("<form action=\"https://example.com\"><input name=a></form>", "<input")]
    [InlineData("<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>", "<a")]
    [InlineData("<p style=\"color:red\">x</p>", "<p style")]
    public void Render_RawHtmlInMarkdown_IsNotRenderedAsHtml(string markdown, string forbidden)
    {
        var html = _renderer.Render(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("[点我](JaVaScRiPt:alert(1))")]
    [InlineData("[点我](  javascript:alert(1))")]
    [InlineData("[点我](java&#x09;script:alert(1))")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[点我](vbscript:msgbox(1))")]
    [InlineData("![图](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[点我](javascript:window.__xss=1)")]
    [InlineData("[点我](&#106;avascript:window.__xss=1)")]
    [InlineData("[点我](javascript&colon;window.__xss=1)")]
    [InlineData("[点我][1]\n\n[1]: javascript:window.__xss=1")]
    [InlineData("[点我](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("![图](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("<data:text/html,<script>alert(1)</script>>")]
    public void Render_LinksWithForbiddenSchemes_LoseTheirTarget(string markdown)
    {
        var html = _renderer.Render(markdown);

        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[县政府](https://www.example.gov.cn/)", "https://www.example.gov.cn/")]
    [InlineData("[旧站](http://example.org/a)", "http://example.org/a")]
    [InlineData("[写信](mailto:xinfang@example.gov.cn)", "mailto:xinfang@example.gov.cn")]
    [InlineData("[指南](/page/guide)", "/page/guide")]
    public void Render_AllowedLinks_KeepTheirTarget_AndGetNofollowNoopener(string markdown, string href)
    {
        var html = _renderer.Render(markdown);

        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AutoLink_GetsNofollowNoopener()
    {
        var html = _renderer.Render("详见 https://www.example.gov.cn/notice");

        Assert.Contains("rel=\"nofollow noopener\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkdownStructure_IsKept()
    {
        var html = _renderer.Render("# 标题\n\n## 小节\n\n- **一**\n- *二*\n\n> 引用\n\n| 环节 | 时限 |\n| --- | --- |\n| 交办 | 1 个工作日 |\n\n`代码`\n\n---\n");

        foreach (var tag in new[] { "<h1>", "<h2>", "<ul>", "<li>", "<strong>", "<em>", "<blockquote>", "<table>", "<td>", "<code>", "<hr" })
            Assert.Contains(tag, html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }
}
