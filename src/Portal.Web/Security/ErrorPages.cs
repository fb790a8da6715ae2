using Microsoft.AspNetCore.Diagnostics;

namespace Portal.Web.Security;

/// <summary>
/// The friendly error pages: <c>/error</c> for unhandled exceptions (logged by <see cref="UnhandledErrors"/>)
/// and <c>/not-found</c> for 404 and other status codes without a body.
/// </summary>
public static class ErrorPages
{
    public static IApplicationBuilder UsePortalErrorPages(this IApplicationBuilder app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // The middleware re-execute the pipeline with the original method. A form post (or a bot's post to an
        // unknown address) would then be dispatched to the error page as a form submission that the page does
        // not have, and end in a bare 400. Error pages are rendered as a GET.
        return app.Use((context, next) =>
        {
            var reExecuted = context.Features.Get<IExceptionHandlerFeature>() is not null
                || context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
            if (reExecuted && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
                context.Request.Method = HttpMethods.Get;
            return next(context);
        });
    }
}
