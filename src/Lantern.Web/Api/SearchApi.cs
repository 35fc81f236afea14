using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchParameters parameters, HttpRequest request, SearchLibrary search, CancellationToken cancellationToken)
    {
        // The parameters are declared for the OpenAPI document; the query string is read the same way the page reads it.
        _ = parameters;
        var query = SearchQuery.From(request.Query);
        var results = await search.HandleAsync(query, cancellationToken);
        if (results.QueryError is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [error] }, title: "The search could not be understood");
        }

        return TypedResults.Ok(results);
    }
}

/// <summary>The search's query-string parameters, as the OpenAPI document lists them.</summary>
internal sealed record SearchParameters(
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "scope")] string? Scope,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "page")] int? Page,
    [property: FromQuery(Name = "pageSize")] int? PageSize,
    [property: FromQuery(Name = Facets.Type)] string[]? Type,
    [property: FromQuery(Name = Facets.Year)] string[]? Year,
    [property: FromQuery(Name = Facets.Publisher)] string[]? Publisher,
    [property: FromQuery(Name = Facets.AgeBand)] string[]? AgeBand,
    [property: FromQuery(Name = Facets.Sex)] string[]? Sex,
    [property: FromQuery(Name = Facets.Outcome)] string[]? Outcome,
    [property: FromQuery(Name = Facets.Harm)] string[]? Harm,
    [property: FromQuery(Name = Facets.RiskFactor)] string[]? RiskFactor,
    [property: FromQuery(Name = Facets.Agency)] string[]? Agency,
    [property: FromQuery(Name = Facets.Theme)] string[]? Theme);
