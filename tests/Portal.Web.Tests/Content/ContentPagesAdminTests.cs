using Microsoft.Extensions.DependencyInjection;
using Portal.Moderation.Opinions;
using Portal.Web.Components.Pages.Staff.Admin;
using Portal.Web.Content;

namespace Portal.Web.Tests.Content;

// MudBlazor's services dispose only asynchronously: xunit disposes the context through IAsyncLifetime.
public sealed class ContentPagesAdminTests : PortalTestContext, IAsyncLifetime
{
    private readonly string _root;
    private readonly ContentPageStore _store;

    public ContentPagesAdminTests()
        : this(Path.Combine(Path.GetTempPath(), "portal-content-tests", Guid.NewGuid().ToString("N")))
    {
    }

    private ContentPagesAdminTests(string root)
        : this(root, new ContentPageStore(root, new MarkdownRenderer(), new FixedClock(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero))))
    {
    }

    private ContentPagesAdminTests(string root, ContentPageStore store)
        : base(services => services.AddSingleton(store).AddSingleton(new OpinionNotifier())
            .AddSingleton(new Portal.Moderation.Staff.StaffAudit(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System)))
    {
        (_root, _store) = (root, store);
        Directory.CreateDirectory(Path.Combine(root, "pages"));
        File.WriteAllText(Path.Combine(root, "pages", "rules.md"), "<!-- order: 10 -->\n# 办理规则与时限\n\n旧的正文。\n");
        Render<MudBlazor.MudSnackbarProvider>();
    }

    [Fact]
    public void Editing_ShowsALiveSanitizedPreview_SavesAVersion_AndRestoresIt()
    {
        var cut = Render<ContentPages>();

        cut.WaitForAssertion(() => Assert.Contains("办理规则与时限", cut.Markup, StringComparison.Ordinal));
        cut.FindAll(".mud-list-item").Single(e => e.TextContent.Contains("办理规则与时限", StringComparison.Ordinal)).Click();
        cut.WaitForElement("textarea").Input("# 新标题\n\n[点我](javascript:alert(1)) <script>alert(1)</script>");

        cut.WaitForAssertion(() =>
        {
            var preview = cut.Find(".content-page .markdown");
            Assert.Equal("新标题", preview.QuerySelector("h1")?.TextContent);
            Assert.Null(preview.QuerySelector("script"));
            Assert.DoesNotContain("javascript:", preview.InnerHtml, StringComparison.OrdinalIgnoreCase);
        });

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "保存").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "恢复"));
        Assert.Single(_store.ListVersions("rules"));
        Assert.StartsWith("# 新标题", File.ReadAllText(Path.Combine(_root, "pages", "rules.md")), StringComparison.Ordinal);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "恢复").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("button").Count(b => b.TextContent.Trim() == "恢复")));
        Assert.Contains("旧的正文", File.ReadAllText(Path.Combine(_root, "pages", "rules.md")), StringComparison.Ordinal);
        Assert.Contains("旧的正文", cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent, StringComparison.Ordinal);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _store.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
