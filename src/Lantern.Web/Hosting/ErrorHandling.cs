using Lantern.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Lantern.Web.Hosting;

internal static class ErrorHandling
{
    /// <summary>The API answers errors with problem details; the pages with a page in the site's own style.</summary>
    public static WebApplication UseLanternErrorHandling(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusOf });
            pages.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        });
        return app;
    }

    // A body over the size limit (413) or a malformed request is the client's error, not the server's.
    private static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiRegistration.Prefix, StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
