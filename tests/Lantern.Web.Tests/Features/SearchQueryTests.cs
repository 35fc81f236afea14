using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Search;
using Microsoft.AspNetCore.Http;

namespace Lantern.Web.Tests.Features;

public sealed class SearchQueryTests
{
    private static SearchQuery Parse(string queryString) => SearchQuery.From(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)));

    [Fact]
    public void From_QueryString_ReadsTheTermFacetsScopeSortAndPage()
    {
        var q = Parse("?q=+neglect+&type=scr&type=silp&theme=information-sharing&scope=learning-points&sort=newest&page=3&unknown=x");
        q.Q.ShouldBe("neglect");
        q.Filters[Facets.Type].ShouldBe(["scr", "silp"]);
        q.Filters[Facets.Theme].ShouldBe(["information-sharing"]);
        q.Filters.ContainsKey("unknown").ShouldBeFalse();
        q.Scope.ShouldBe(SearchScope.LearningPoints);
        q.Sort.ShouldBe(SearchSort.Newest);
        q.Page.ShouldBe(3);
    }

    [Fact]
    public void From_NonsenseNumbers_FallsBackToSafeBounds()
    {
        var q = Parse("?page=-4&pageSize=100000&sort=sideways&scope=everything");
        q.Page.ShouldBe(1);
        q.PageSize.ShouldBe(SearchQuery.MaxPageSize);
        q.Sort.ShouldBe(SearchSort.Relevance);
        q.Scope.ShouldBe(SearchScope.Reviews);
    }

    [Fact]
    public void ToQueryString_KeepsFiltersForPagingLinks()
    {
        var q = Parse("?q=toxic+trio&ageBand=under-1&sort=oldest");
        var link = q.ToQueryString(2);
        Parse(link).ShouldSatisfyAllConditions(
            p => p.Q.ShouldBe("toxic trio"),
            p => p.Filters[Facets.AgeBand].ShouldBe(["under-1"]),
            p => p.Sort.ShouldBe(SearchSort.Oldest),
            p => p.Page.ShouldBe(2));
    }
}
