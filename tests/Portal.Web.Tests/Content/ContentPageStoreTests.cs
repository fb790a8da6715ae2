using Portal.Web.Content;

namespace Portal.Web.Tests.Content;

public sealed class ContentPageStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "portal-content-tests", Guid.NewGuid().ToString("N"));
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
    private readonly ContentPageStore _store;

    public ContentPageStoreTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "pages"));
        File.WriteAllText(Path.Combine(_root, "pages", "rules.md"), "<!-- order: 10 -->\n# 办理规则与时限\n\n正文。\n");
        File.WriteAllText(Path.Combine(_root, "pages", "guide.md"), "<!-- order: 5 -->\n# 群众指南\n");
        File.WriteAllText(Path.Combine(_root, "pages", "about.md"), "# 关于本平台\n");
        File.WriteAllText(Path.Combine(_root, "secret.md"), "# 不该被读到\n");
        _store = new ContentPageStore(_root, new MarkdownRenderer(), _clock);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("../secret")]
    [InlineData("..%2Fsecret")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("Rules")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\win")]
    [InlineData("-rules")]
    [InlineData(null)]
    public async Task Slugs_ThatAreNotPlainNames_AreRefused(string? slug)
    {
        Assert.False(ContentPageStore.IsValidSlug(slug));
        Assert.Null(await _store.GetAsync(slug));
        Assert.NotNull(await _store.SaveAsync(slug, "# 覆盖"));
        Assert.Empty(_store.ListVersions(slug));
    }

    [Fact]
    public async Task Get_RendersTitleAndHtml_WithoutTheOrderLine()
    {
        var page = await _store.GetAsync("rules");

        Assert.NotNull(page);
        Assert.Equal("办理规则与时限", page.Title);
        Assert.Contains("<h1>办理规则与时限</h1>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("order", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OrdersByTheOrderLine_ThenPagesWithoutOne()
    {
        var pages = await _store.ListAsync();

        Assert.Equal(["guide", "rules", "about"], pages.Select(p => p.Slug));
        Assert.Equal("群众指南", pages[0].Title);
    }

    [Fact]
    public async Task Save_FromAnEditorOpenedBeforeSomeoneElseSaved_IsRefused_AndKeepsTheirText()
    {
        var opened = await _store.GetMarkdownAsync("rules");
        Assert.Null(await _store.SaveAsync("rules", "# 管理员甲的修改\n", basedOn: opened));

        var error = await _store.SaveAsync("rules", "# 管理员乙的修改\n", basedOn: opened);

        Assert.Equal("该记录已被他人修改，已显示最新内容，请确认后重试。", error);
        Assert.Equal("# 管理员甲的修改\n", await _store.GetMarkdownAsync("rules"));
        Assert.Equal("该记录已被他人修改，已显示最新内容，请确认后重试。", await _store.SaveAsync("rules", "# 新建\n", basedOn: ""));
    }

    [Fact]
    public async Task Save_KeepsThePreviousVersion_AndRestoreBringsItBack()
    {
        var original = await _store.GetMarkdownAsync("rules");

        Assert.Null(await _store.SaveAsync("rules", "# 新规则\n"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await _store.SaveAsync("rules", "# 第三版\n"));

        Assert.Equal("# 第三版\n", await _store.GetMarkdownAsync("rules"));
        var versions = _store.ListVersions("rules");
        Assert.Equal(["20260302013100", "20260302013000"], versions.Select(v => v.Id));
        Assert.Equal(original, await _store.GetVersionAsync("rules", "20260302013000"));
        Assert.True(File.Exists(Path.Combine(_root, "history", "rules", "20260302013000.md")));

        Assert.Null(await _store.RestoreAsync("rules", "20260302013000"));

        Assert.Equal(original, await _store.GetMarkdownAsync("rules"));
        Assert.Equal(3, _store.ListVersions("rules").Count);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "pages"), "*.tmp"));
    }

    [Fact]
    public async Task Save_TwiceInOneSecond_KeepsBothVersions()
    {
        await _store.SaveAsync("guide", "# 二\n");
        await _store.SaveAsync("guide", "# 三\n");

        Assert.Equal(2, _store.ListVersions("guide").Count);
    }

    [Fact]
    public async Task Save_NewPage_CreatesIt_WithoutAVersion()
    {
        Assert.Null(await _store.SaveAsync("contact", "# 联系我们\n"));

        Assert.Equal("联系我们", (await _store.GetAsync("contact"))?.Title);
        Assert.Empty(_store.ListVersions("contact"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Save_EmptyText_IsRefused(string markdown)
    {
        Assert.Equal("页面内容不能为空。", await _store.SaveAsync("rules", markdown));
        Assert.Empty(_store.ListVersions("rules"));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("2026")]
    [InlineData("..")]
    public async Task Restore_UnknownOrPathLikeVersion_IsRefused(string version)
    {
        Assert.Equal("找不到这个历史版本。", await _store.RestoreAsync("rules", version));
    }

    [Fact]
    public async Task ShippedContent_HasTheRequiredPages_AndEveryOneRenders()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "wwwroot-content"));
        using var shipped = new ContentPageStore(root, new MarkdownRenderer(), TimeProvider.System);

        var pages = await shipped.ListAsync();

        foreach (var slug in new[] { "rules", "publication", "guide", "reception", "about" })
            Assert.Contains(pages, p => p.Slug == slug && p.Order < int.MaxValue);
        Assert.Equal("publication", ContentPageStore.MovedTo("privacy"));
        foreach (var page in pages)
            Assert.Contains("<h2>", (await shipped.GetAsync(page.Slug))!.Html, StringComparison.Ordinal);
    }

    public void Dispose()
    {
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

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
