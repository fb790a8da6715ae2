using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Portal.Web.PublicPages;

/// <summary>
/// Output caching of one public read page: only anonymous GETs (no staff sign-in, no Authorization header) are
/// looked up and stored; a response is stored only when it is a 200 that sets no cookie, so a copy never carries a
/// visitor's cookie to another visitor. The key varies by the page's own query parameters only (others cannot fill
/// the cache); <paramref name="tags"/> let a change evict the copies at once.
/// </summary>
internal sealed class PublicPagePolicy(string[] tags, string[] queryKeys, TimeSpan expiry) : IOutputCachePolicy
{
    public IReadOnlyList<string> Tags => tags;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var anonymousRead = IsAnonymousRead(context.HttpContext);
        context.EnableOutputCaching = anonymousRead;
        context.AllowCacheLookup = anonymousRead;
        context.AllowCacheStorage = anonymousRead;
        context.AllowLocking = true;
        if (!anonymousRead)
            return ValueTask.CompletedTask;
        context.ResponseExpirationTimeSpan = expiry;
        context.CacheVaryByRules.QueryKeys = queryKeys;
        foreach (var tag in tags)
            context.Tags.Add(tag);
        return ValueTask.CompletedTask;
    }

    /// <summary>A GET of no signed-in visitor that does not ask for a form: the same page for everyone.</summary>
    public static bool IsAnonymousRead(HttpContext context)
    {
        var request = context.Request;
        return HttpMethods.IsGet(request.Method)
            && context.User.Identity?.IsAuthenticated != true
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && !PublicPageCache.FormQueries.Any(request.Query.ContainsKey);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
