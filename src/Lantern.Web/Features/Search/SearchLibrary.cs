using Lantern.Storage.Abstractions;
using Lantern.Web.Access;
using Microsoft.AspNetCore.Http;

namespace Lantern.Web.Features.Search;

/// <summary>
/// A search as it arrives in a query string (the page's GET form and the API use the same names):
/// <c>q</c>, <c>scope</c> (reviews | learning-points), <c>sort</c> (relevance | newest | oldest), <c>page</c>,
/// <c>pageSize</c>, and one repeatable parameter per facet (<c>type=scr&amp;theme=information-sharing</c>).
/// </summary>
public sealed record SearchQuery(
    string Q,
    SearchScope Scope,
    SearchSort Sort,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static SearchQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Length and syntax are the library's to judge: it answers a bad query with a QueryError, never a throw.
        var q = query["q"].ToString().Trim();

        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var facet in Facets.All)
        {
            var values = query[facet].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
            if (values.Length > 0)
            {
                filters[facet] = values;
            }
        }

        return new SearchQuery(
            q,
            ParseScope(query["scope"]),
            ParseSort(query["sort"]),
            Math.Max(1, ParseInt(query["page"], 1)),
            Math.Clamp(ParseInt(query["pageSize"], DefaultPageSize), 1, MaxPageSize),
            filters);
    }

    public bool IsEmpty => Q.Length == 0 && Filters.Count == 0;

    public bool IsSelected(string facet, string value) =>
        Filters.TryGetValue(facet, out var values) && values.Contains(value, StringComparer.Ordinal);

    public SearchRequest ToRequest() => new()
    {
        Query = Q,
        Scope = Scope,
        Sort = Sort,
        Page = Page,
        PageSize = PageSize,
        Filters = Filters,
    };

    /// <summary>The query string for the same search on another page (for paging links).</summary>
    public string ToQueryString(int page)
    {
        var parts = new List<KeyValuePair<string, string?>> { new("q", Q) };
        if (Scope == SearchScope.LearningPoints)
        {
            parts.Add(new("scope", ScopeName(Scope)));
        }

        if (Sort != SearchSort.Relevance)
        {
            parts.Add(new("sort", Sort.ToString().ToLowerInvariant()));
        }

        foreach (var (facet, values) in Filters)
        {
            parts.AddRange(values.Select(v => new KeyValuePair<string, string?>(facet, v)));
        }

        if (page > 1)
        {
            parts.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryString.Create(parts).ToUriComponent();
    }

    public static string ScopeName(SearchScope scope) => scope == SearchScope.LearningPoints ? "learning-points" : "reviews";

    private static SearchScope ParseScope(string? value) =>
        string.Equals(value, "learning-points", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "learningpoints", StringComparison.OrdinalIgnoreCase)
            ? SearchScope.LearningPoints
            : SearchScope.Reviews;

    private static SearchSort ParseSort(string? value) => value?.ToLowerInvariant() switch
    {
        "newest" => SearchSort.Newest,
        "oldest" => SearchSort.Oldest,
        _ => SearchSort.Relevance,
    };

    private static int ParseInt(string? value, int fallback) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : fallback;
}

/// <summary>Runs a search for the current viewer. A query the library cannot parse comes back with a QueryError, never an exception.</summary>
public sealed class SearchLibrary(IReviewLibrary library, IViewerAccessor viewers)
{
    public Task<SearchResults> HandleAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return library.SearchAsync(query.ToRequest(), viewers.Current, cancellationToken);
    }
}
