using Lantern.Web.Features.Actions;
using Lantern.Web.Features.Analysis;
using Lantern.Web.Features.Bulletins;
using Lantern.Web.Features.Coding;
using Lantern.Web.Features.Documents;
using Lantern.Web.Features.Home;
using Lantern.Web.Features.Reviews;
using Lantern.Web.Features.Search;
using Lantern.Web.Features.Themes;
using Lantern.Web.Features.Timelines;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Features;

internal static class FeatureRegistration
{
    /// <summary>The use-case handlers; pages and the API both call these, so they cannot drift apart.</summary>
    public static IServiceCollection AddLanternFeatures(this IServiceCollection services)
    {
        services.AddScoped<ShowOverview>();
        services.AddScoped<SearchLibrary>();
        services.AddScoped<ShowReview>();
        services.AddScoped<ListDocuments>();
        services.AddScoped<ShowDocument>();
        services.AddScoped<ReviewSensitiveData>();
        services.AddScoped<DownloadOriginal>();
        services.AddScoped<UploadDocuments>();
        services.AddScoped<ListThemes>();
        services.AddAnalysisFeatures();
        services.AddScoped<ListActions>();
        services.AddScoped<EditAction>();
        services.AddScoped<AddAction>();
        services.AddScoped<CalculateTimeline>();
        services.AddScoped<DownloadBulletin>();
        services.AddScoped<CodebookStore>();
        services.AddScoped<CodeReview>();
        return services;
    }
}
