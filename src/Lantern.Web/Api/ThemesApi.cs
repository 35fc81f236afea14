using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Themes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lantern.Web.Api;

internal static class ThemesApi
{
    public static RouteGroupBuilder MapThemesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/themes", ListAsync)
            .WithName("ListThemes")
            .WithTags("Themes")
            .WithSummary("Every theme with the number of reviews that carry it");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<FacetValue>>> ListAsync(ListThemes themes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await themes.HandleAsync(cancellationToken));
}
