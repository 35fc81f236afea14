using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Search;

public sealed class IndexModel(SearchLibrary search) : PageModel
{
    public SearchQuery Query { get; private set; } = null!;
    public SearchResults Results { get; private set; } = new();

    public int PageCount => Results.Total == 0 ? 0 : (Results.Total + Query.PageSize - 1) / Query.PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = SearchQuery.From(Request.Query);
        Results = await search.HandleAsync(Query, cancellationToken);
    }

    /// <summary>The facet's values with counts, plus any selected value the current results no longer contain.</summary>
    public IReadOnlyList<FacetValue> ValuesOf(string facet)
    {
        var values = Results.Facets.TryGetValue(facet, out var found) ? found.ToList() : [];
        if (Query.Filters.TryGetValue(facet, out var selected))
        {
            values.AddRange(selected.Where(s => values.TrueForAll(v => v.Value != s)).Select(s => new FacetValue(s, 0)));
        }

        return values;
    }
}
