using Microsoft.AspNetCore.Builder;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Hosting;

internal static class PagesRegistration
{
    private const string FeedbackRateLimit = "feedback";

    public static IServiceCollection AddLanternPages(this IServiceCollection services, LanternWebOptions options)
    {
        // The pages are compiled into this class library, which is not the entry assembly: add it as a part.
        services.AddRazorPages(pages =>
            {
                pages.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                pages.Conventions.AddPageApplicationModelConvention("/Feedback/Form", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(FeedbackRateLimit)));
            })
            .AddApplicationPart(typeof(LanternWebApp).Assembly);

        // The feedback form needs no account (its token is the permission), so it is rate-limited per client address.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(FeedbackRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.FeedbackRequestsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many requests to the feedback form from this address. Wait a minute and try again.", token);
            };
        });
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
