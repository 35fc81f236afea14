using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lantern.Web.Features.Analysis;

internal static class AnalysisRegistration
{
    public static IServiceCollection AddAnalysisFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RecurrenceCache>();
        services.AddScoped<AnalyseLibrary>();
        return services;
    }
}
