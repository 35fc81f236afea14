using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Api;

internal static class ApiRegistration
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddLanternApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Lantern API";
            document.Info.Description = "Search and read a library of child safeguarding practice reviews.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHealthChecks();
        return services;
    }

    public static WebApplication MapLanternApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup(Prefix);
        api.MapSearchApi();
        api.MapReviewsApi();
        api.MapDocumentsApi();
        api.MapThemesApi();
        api.MapAnalysisApi();
        api.MapDisseminationApi();
        return app;
    }

    /// <summary>A 404 in problem-details form, naming what was not found.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);
}
