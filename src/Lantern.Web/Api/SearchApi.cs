using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lantern.Web.Api;

internal static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithName("Search")
            .WithTags("Search")
            .WithSummary("Search reviews or learning points")
            .WithDescription("q: words, \"phrases\", prefix*, AND/OR/NOT and the field's synonyms. scope: reviews | learning-points. " +
                "sort: relevance | newest | oldest. page, pageSize (1-100). Facet filters, repeatable: " + string.Join(", ", Facets.All) + ".");
        return api;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(HttpRequest request, SearchLibrary search, CancellationToken cancellationToken)
    {
        var query = SearchQuery.From(request.Query);
        var results = await search.HandleAsync(query, cancellationToken);
        if (results.QueryError is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [error] }, title: "The search could not be understood");
        }

        return TypedResults.Ok(results);
    }
}
