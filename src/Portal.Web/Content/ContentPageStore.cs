using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Web.Content;

/// <summary>
/// The editable Markdown pages of the content folder: <c>pages/{slug}.md</c>, each saved version kept as
/// <c>history/{slug}/{yyyyMMddHHmmss}.md</c> (UTC). Slugs are plain names; every path is resolved inside the
/// folder. A page may start with a line <c>&lt;!-- order: 10 --&gt;</c> that places it in the navigation.
/// </summary>
public sealed partial class ContentPageStore : IDisposable
{
    /// <summary>The longest page text that can be saved.</summary>
    public const int MaxMarkdownLength = 100_000;

    /// <summary>Old slugs that now live under another name.</summary>
    private static readonly Dictionary<string, string> Moved = new(StringComparer.Ordinal) { ["privacy"] = "publication" };

    private readonly string _root;
    private readonly MarkdownRenderer _renderer;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private readonly Func<CancellationToken, ValueTask>? _saved;
    private PageList? _list; // replaced whole (a reference), so concurrent readers never see half of it

    /// <param name="saved">Told after a page is saved (the web layer drops its cached copies of the public pages).</param>
    public ContentPageStore(string root, MarkdownRenderer renderer, TimeProvider clock, Func<CancellationToken, ValueTask>? saved = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _renderer = renderer;
        _clock = clock;
        _saved = saved;
    }

    private string PagesFolder => Path.Combine(_root, "pages");

    /// <summary>Whether <paramref name="slug"/> is a plain page name (lower-case letters, digits, hyphens).</summary>
    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    /// <summary>The new slug of a page that was renamed, or null.</summary>
    public static string? MovedTo(string? slug) => slug is not null && Moved.TryGetValue(slug, out var to) ? to : null;

    /// <summary>
    /// All pages for the navigation, by their order line and then by slug. Every public page's footer shows them: the
    /// files are read again only when one was added, removed or changed (names, sizes and times), not on every page.
    /// </summary>
    public async Task<IReadOnlyList<ContentPageInfo>> ListAsync(CancellationToken ct = default)
    {
        if (!Directory.Exists(PagesFolder))
            return [];
        var files = new DirectoryInfo(PagesFolder).EnumerateFiles("*.md").Where(f => IsValidSlug(Path.GetFileNameWithoutExtension(f.Name))).ToList();
        var stamp = string.Join('|', files.Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
        if (_list is { } cached && cached.Stamp == stamp)
            return cached.Pages;
        var pages = new List<ContentPageInfo>();
        foreach (var file in files)
        {
            var slug = Path.GetFileNameWithoutExtension(file.Name);
            var markdown = await File.ReadAllTextAsync(file.FullName, ct).ConfigureAwait(false);
            pages.Add(new ContentPageInfo(slug, TitleOf(markdown) ?? slug, OrderOf(markdown)));
        }

        IReadOnlyList<ContentPageInfo> list = [.. pages.OrderBy(p => p.Order).ThenBy(p => p.Slug, StringComparer.Ordinal)];
        _list = new PageList(stamp, list);
        return list;
    }

    /// <summary>The page's title and sanitized HTML, or null when there is no such page.</summary>
    public async Task<ContentPage?> GetAsync(string? slug, CancellationToken ct = default) =>
        await GetMarkdownAsync(slug, ct).ConfigureAwait(false) is { } markdown
            ? new ContentPage(slug!, TitleOf(markdown) ?? slug!, Render(markdown))
            : null;

    /// <summary>The page's Markdown source, or null when there is no such page.</summary>
    public async Task<string?> GetMarkdownAsync(string? slug, CancellationToken ct = default) =>
        PagePath(slug) is { } path && File.Exists(path)
            ? await File.ReadAllTextAsync(path, ct).ConfigureAwait(false)
            : null;

    /// <summary>Sanitized HTML of a page's Markdown (the order line is not shown).</summary>
    public SanitizedHtml Render(string? markdown) => _renderer.Render(OrderLine().Replace(markdown ?? "", "", 1));

    /// <summary>
    /// Saves a page (creating it if new): the current text is first kept as a version, then the new text
    /// replaces it atomically. Returns an error message in Chinese, or null on success.
    /// </summary>
    /// <param name="basedOn">The text the editor started from ("" for a new page): when someone else saved the page
    /// since, nothing is saved and the message says so. Null saves whatever the page holds now.</param>
    public async Task<string?> SaveAsync(string? slug, string? markdown, string? basedOn = null, CancellationToken ct = default)
    {
        if (PagePath(slug) is not { } path)
            return "页面名称只能包含小写字母、数字和连字符，且以字母或数字开头。";
        if (string.IsNullOrWhiteSpace(markdown))
            return "页面内容不能为空。";
        if (markdown.Length > MaxMarkdownLength)
            return $"页面内容不能超过 {MaxMarkdownLength} 个字符。";

        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(PagesFolder);
            if (basedOn is not null
                && !string.Equals(basedOn, File.Exists(path) ? await File.ReadAllTextAsync(path, ct).ConfigureAwait(false) : "", StringComparison.Ordinal))
                return Portal.Moderation.ConcurrentEditException.DefaultMessage;
            if (File.Exists(path))
                KeepVersion(slug!, path);
            var temp = Path.Combine(PagesFolder, $".{slug}.{Guid.NewGuid():N}.tmp");
            await File.WriteAllTextAsync(temp, markdown, new UTF8Encoding(false), ct).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            _writeLock.Release();
        }

        if (_saved is not null)
            await _saved(ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>The kept versions of a page, newest first.</summary>
    public IReadOnlyList<ContentPageVersion> ListVersions(string? slug)
    {
        if (HistoryFolder(slug) is not { } folder || !Directory.Exists(folder))
            return [];
        return [.. Directory.EnumerateFiles(folder, "*.md")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(id => VersionPattern().IsMatch(id))
            .Select(id => new ContentPageVersion(id, DateTime.SpecifyKind(
                DateTime.ParseExact(id[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture), DateTimeKind.Utc)))
            .OrderByDescending(v => v.Id, StringComparer.Ordinal)];
    }

    /// <summary>The Markdown of a kept version, or null.</summary>
    public async Task<string?> GetVersionAsync(string? slug, string? version, CancellationToken ct = default) =>
        VersionPath(slug, version) is { } path && File.Exists(path)
            ? await File.ReadAllTextAsync(path, ct).ConfigureAwait(false)
            : null;

    /// <summary>Makes a kept version the current text (the text it replaces is kept too). Returns an error or null.</summary>
    public async Task<string?> RestoreAsync(string? slug, string? version, CancellationToken ct = default) =>
        await GetVersionAsync(slug, version, ct).ConfigureAwait(false) is { } markdown
            ? await SaveAsync(slug, markdown, ct: ct).ConfigureAwait(false)
            : "找不到这个历史版本。";

    public void Dispose() => _writeLock.Dispose();

    private sealed record PageList(string Stamp, IReadOnlyList<ContentPageInfo> Pages);

    private void KeepVersion(string slug, string path)
    {
        var folder = HistoryFolder(slug)!;
        Directory.CreateDirectory(folder);
        var stamp = _clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var target = Path.Combine(folder, stamp + ".md");
        for (var n = 2; File.Exists(target); n++)
            target = Path.Combine(folder, $"{stamp}-{n}.md");
        File.Copy(path, target);
    }

    private string? PagePath(string? slug) => IsValidSlug(slug) ? Inside(Path.Combine(PagesFolder, slug + ".md")) : null;

    private string? HistoryFolder(string? slug) => IsValidSlug(slug) ? Inside(Path.Combine(_root, "history", slug!)) : null;

    private string? VersionPath(string? slug, string? version) =>
        version is not null && VersionPattern().IsMatch(version) && HistoryFolder(slug) is { } folder
            ? Inside(Path.Combine(folder, version + ".md"))
            : null;

    /// <summary>The full path when it stays inside the content folder; null otherwise.</summary>
    private string? Inside(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static string? TitleOf(string markdown) =>
        markdown.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();

    private static int OrderOf(string markdown) =>
        OrderLine().Match(markdown) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : int.MaxValue;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9]{14}(-[0-9]{1,4})?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"\A\s*<!--\s*order:\s*([0-9]{1,6})\s*-->[ \t]*\r?\n?")]
    private static partial Regex OrderLine();
}

/// <summary>A page as the navigation lists it.</summary>
public sealed record ContentPageInfo(string Slug, string Title, int Order);

/// <summary>A page ready to show: title and sanitized HTML.</summary>
public sealed record ContentPage(string Slug, string Title, SanitizedHtml Html);

/// <summary>A kept version of a page: its id (the UTC time it was replaced) and that time.</summary>
public sealed record ContentPageVersion(string Id, DateTime SavedAtUtc);
