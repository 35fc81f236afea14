using Lantern.Web.Access;
using Lantern.Web.Accounts;
using Lantern.Web.Api;
using Lantern.Web.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lantern.Web.Hosting;

/// <summary>
/// The one place the web app is put together; <c>lantern serve</c> and the tests both start it from here.
/// </summary>
public static class LanternWebApp
{
    /// <summary>Builds the app (not yet started). The sample corpus is loaded while it starts, before it listens.</summary>
    public static WebApplication Create(LanternWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LanternWebApp).Assembly.GetName().Name,
            EnvironmentName = options.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        if (!options.ConsoleLogging)
        {
            builder.Logging.ClearProviders();
        }

        // A request line per page view drowns the console of a local install; keep warnings and our own news.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // The database may also come from configuration (appsettings, or the environment as Lantern__Db).
        if (options.Database is null && builder.Configuration["Lantern:Db"] is { Length: > 0 } configured)
        {
            options = options with { Database = configured };
        }

        // Config (appsettings, environment Lantern__RequireSignIn) can turn the settings on as well as the options.
        options = options with
        {
            RequireSignIn = options.RequireSignIn || builder.Configuration.GetValue<bool>("Lantern:RequireSignIn"),
            SecureCookies = options.SecureCookies || builder.Configuration.GetValue<bool>("Lantern:SecureCookies"),
        };
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Clock);
        builder.Services.AddLanternLibrary(options);
        builder.Services.AddViewerAccess();
        builder.Services.AddLanternAccounts(options);
        builder.Services.AddLanternFeatures();
        builder.Services.AddLanternPages(options);
        builder.Services.AddLanternApi();

        var app = builder.Build();

        app.UseLanternErrorHandling();
        app.UseSecurityHeaders();
        app.UseEmbeddedStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapLanternPages();
        app.MapLanternApi();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }
}
