using Microsoft.AspNetCore.Antiforgery;

namespace Portal.Web.Security;

public static class AntiforgeryEndpoints
{
    /// <summary>
    /// A minimal-API POST that changes state (logout) answers 400 without a valid antiforgery token, as the
    /// server-rendered forms do: minimal APIs validate the token only when they bind form fields.
    /// </summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            await context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context.HttpContext).ConfigureAwait(false)
                ? await next(context).ConfigureAwait(false)
                : Results.Text("页面已过期，请刷新后重试。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest));
}
