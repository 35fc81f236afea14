using Lantern.Storage.Abstractions;
using Lantern.Web.Features.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Search;

public sealed class IndexModel(SearchLibrary search) : PageModel
{
    public SearchQuery Query { get; private set; } = null!;
    public SearchResults Results { get; private set; } = new();

    public int PageCount => Results.Total == 0 ? 0 : (Results.Total + Query.PageSize - 1) / Query.PageSize;

    /// <summary>A facet with more values than this lists its <see cref="FacetHead"/> most frequent and links to the rest.</summary>
    public const int FacetListLimit = 25;

    /// <summary>How many values a long facet lists before "Show all".</summary>
    public const int FacetHead = 10;

    /// <summary>The facet whose every value is listed (<c>more=publisher</c>), if any.</summary>
    public string? ExpandedFacet { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = SearchQuery.From(Request.Query);
        var more = Request.Query["more"].ToString();
        ExpandedFacet = Facets.All.Contains(more, StringComparer.Ordinal) ? more : null;
        Results = await search.HandleAsync(Query, cancellationToken);
    }

    /// <summary>The facet's values with counts, plus any selected value the current results no longer contain.</summary>
    public IReadOnlyList<FacetValue> ValuesOf(string facet)
    {
        var values = Results.Facets.TryGetValue(facet, out var found) ? found.ToList() : [];
        if (facet == Facets.Year)
        {
            // Years read best in order, newest first (not stated last), rather than by how many reviews each has.
            values = [.. values.OrderBy(v => v.Value == Facets.NotStated).ThenByDescending(v => v.Value, StringComparer.Ordinal)];
        }

        if (Query.Filters.TryGetValue(facet, out var selected))
        {
            values.AddRange(selected.Where(s => values.TrueForAll(v => v.Value != s)).Select(s => new FacetValue(s, 0)));
        }

        return values;
    }

    /// <summary>
    /// The values the page lists for a facet: all of them when there are few or the user asked for all; otherwise the
    /// most frequent (values come most frequent first) and every selected one, so a long list (hundreds of publishers
    /// in a national library) does not bury the form or make every results page hundreds of kilobytes.
    /// </summary>
    public (IReadOnlyList<FacetValue> Shown, int Hidden) ShownValuesOf(string facet)
    {
        var values = ValuesOf(facet);
        if (values.Count <= FacetListLimit || facet == ExpandedFacet)
        {
            return (values, 0);
        }

        var shown = values.Where((v, i) => i < FacetHead || Query.IsSelected(facet, v.Value)).ToList();
        return (shown, values.Count - shown.Count);
    }

    /// <summary>The link that lists every value of <paramref name="facet"/> for the same search.</summary>
    public string ShowAllHref(string facet) =>
        // The query string always starts "?q=" (SearchQuery.ToQueryString), so "more" follows with "&".
        Request.Path + Query.ToQueryString(Query.Page) + "&more=" + Uri.EscapeDataString(facet) + "#facet-" + facet;
}
