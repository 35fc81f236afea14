using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lantern.Web.Features.Dissemination;

internal static class DisseminationRegistration
{
    public static IServiceCollection AddDisseminationFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ManageActivities>();
        services.AddScoped<CollectFeedback>();
        services.AddScoped<BuildYearlyReport>();
        return services;
    }
}
