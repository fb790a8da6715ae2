using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Portal.Data.PublicContent;
using Portal.Moderation.Analysis;
using Portal.Web.Security;

namespace Portal.Web.PublicPages;

/// <summary>
/// Which residents' read pages are output-cached, with which query parameters and tags (ADR-018). Pages that hold a
/// form (support, rating, booking, submission, tracking) carry an antiforgery token and a form stamp of their visitor
/// and are never cached; nor is anything under /staff or /account, nor any signed-in request.
/// </summary>
public static class PublicPageCache
{
    /// <summary>On every cached page: evicted when something all pages show changes.</summary>
    public const string AllTag = "public";

    public const string OpinionsTag = "public:opinions";

    public const string PledgesTag = "public:pledges";

    public const string ReceptionsTag = "public:receptions";

    /// <summary>The cached routes (as written in <c>@page</c>): the tag of what they show and the query parameters they read.</summary>
    internal static readonly IReadOnlyDictionary<string, (string? Tag, string[] Query)> Pages = new Dictionary<string, (string?, string[])>(StringComparer.Ordinal)
    {
        // The published opinion's support form is asked for with ?support=1, which PublicPagePolicy never caches.
        ["/"] = (OpinionsTag, []),
        ["/published"] = (OpinionsTag, ["q", "dept", "kind", "adoption", "month", "page"]),
        ["/published/{Id:int}"] = (OpinionsTag, []),
        ["/statistics"] = (null, []),
        ["/pledges"] = (PledgesTag, ["q", "branch", "year", "kind", "status", "page"]),
        ["/pledges/board"] = (PledgesTag, ["branch", "year"]),
        ["/receptions"] = (ReceptionsTag, ["month"]),
        ["/receptions/hosts/{Id:int}"] = (ReceptionsTag, ["month"]),
        ["/receptions/studios/{Id:int}"] = (ReceptionsTag, ["month"]),
        ["/receptions/sessions/{Id:int}/notice"] = (ReceptionsTag, []),
        ["/page/{Slug}"] = (null, []),
    };

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOptions<PublicPageCacheOptions>().BindConfiguration(PublicPageCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // No base policy: only the pages above are cached, each by its own policy.
        services.AddOutputCache();
        services.AddSingleton<IPublicContentListener, OutputCacheEviction>();
        return services;
    }

    /// <summary>Query parameters that ask a cached page for a visitor's form: such a request is never cached.</summary>
    internal static readonly string[] FormQueries = [DeviceCookie.SupportQuery];

    /// <summary>
    /// After authentication (the policy must see a signed-in visitor) and before the pages. The pages of
    /// <see cref="Pages"/> hold no form, yet Blazor's static rendering issues an antiforgery cookie (and no-store
    /// headers) on every page; for an anonymous GET of such a page both are withdrawn, so that the response is the
    /// same for every visitor and can be cached, with or without the output cache.
    /// </summary>
    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var antiforgeryCookie = app.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value.Cookie.Name
            ?? throw new InvalidOperationException("The antiforgery cookie has no name.");
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<PublicPagePolicy>() is not null && PublicPagePolicy.IsAnonymousRead(context))
            {
                // Registered before the page's own callback, so it runs after it (OnStarting callbacks run last-in first-out).
                context.Response.OnStarting(() =>
                {
                    WithdrawAntiforgeryCookie(context.Response, antiforgeryCookie);
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        return app.ApplicationServices.GetRequiredService<IOptions<PublicPageCacheOptions>>().Value.Enabled ? app.UseOutputCache() : app;
    }

    private static void WithdrawAntiforgeryCookie(HttpResponse response, string cookieName)
    {
        var cookies = response.Headers.SetCookie;
        if (cookies.Count == 0 || !cookies.Any(c => c?.StartsWith(cookieName + "=", StringComparison.Ordinal) == true))
            return;
        var others = cookies.Where(c => c?.StartsWith(cookieName + "=", StringComparison.Ordinal) != true).ToArray();
        if (others.Length == 0)
            response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.SetCookie);
        else
            response.Headers.SetCookie = others;
        // Set by the antiforgery token issue alone (staff pages get their no-store from SecurityHeaders, never here).
        response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.CacheControl);
        response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.Pragma);
    }

    /// <summary>Attaches the cache policy of each page of <see cref="Pages"/> to its endpoint.</summary>
    public static RazorComponentsEndpointConventionBuilder CachePublicPages(this RazorComponentsEndpointConventionBuilder builder, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = services.GetRequiredService<IOptions<PublicPageCacheOptions>>().Value;
        var expiry = TimeSpan.FromSeconds(options.ExpirySeconds);
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && Pages.TryGetValue(route, out var page))
            {
                // The statistics are computed at most every ten minutes anyway (PublicStatisticsQueries).
                var lifetime = route == "/statistics" ? PublicStatisticsQueries.CacheFor : expiry;
                string[] tags = page.Tag is null ? [AllTag] : [AllTag, page.Tag];
                endpoint.Metadata.Add(new PublicPagePolicy(tags, page.Query, lifetime));
            }
        });
        return builder;
    }

    /// <summary>The tags to evict when <paramref name="kinds"/> changed.</summary>
    internal static IEnumerable<string> TagsOf(PublicContentKinds kinds)
    {
        if ((kinds & PublicContentKinds.All) == PublicContentKinds.All)
        {
            yield return AllTag;
            yield break;
        }

        if (kinds.HasFlag(PublicContentKinds.Opinions))
            yield return OpinionsTag;
        if (kinds.HasFlag(PublicContentKinds.Pledges))
            yield return PledgesTag;
        if (kinds.HasFlag(PublicContentKinds.Receptions))
            yield return ReceptionsTag;
    }
}

/// <summary>Drops the cached copies of the public pages that show what changed (told by the data layer after each save).</summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : IPublicContentListener
{
    public async ValueTask ChangedAsync(PublicContentKinds kinds, CancellationToken cancellationToken = default)
    {
        foreach (var tag in PublicPageCache.TagsOf(kinds))
            await store.EvictByTagAsync(tag, cancellationToken).ConfigureAwait(false);
    }
}
