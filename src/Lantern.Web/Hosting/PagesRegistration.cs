using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Hosting;

internal static class PagesRegistration
{
    public static IServiceCollection AddLanternPages(this IServiceCollection services, LanternWebOptions options)
    {
        // The pages are compiled into this class library, which is not the entry assembly: add it as a part.
        services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
            .AddApplicationPart(typeof(LanternWebApp).Assembly);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "lantern-antiforgery";
            antiforgery.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            antiforgery.HeaderName = null;
        });
        services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = options.MaxRequestBytes;
        });
        services.AddRouting(routing => routing.LowercaseUrls = true);
        return services;
    }

    public static WebApplication MapLanternPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
