using System.CommandLine;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Cli.Commands;

/// <summary>The <c>--query</c> and <c>--filter facet=value</c> options shared by the analysis and export verbs, read as search reads them.</summary>
internal sealed class AnalysisSelection
{
    public Option<string> Query { get; } = new("--query") { Description = "Only reviews matching this search (same language as `lantern search`)", DefaultValueFactory = _ => "" };

    public Option<string[]> Filter { get; } = new("--filter")
    {
        Description = $"facet=value; repeat to combine, as in search. Facets: {string.Join(", ", Facets.All)}",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Query);
        command.Options.Add(Filter);
    }

    /// <summary>The selection, or an error message for a malformed filter or a query or facet the library rejects.</summary>
    public async Task<(ReviewSelection? Selection, string? Error)> ReadAsync(ParseResult parseResult, IReviewLibrary library, bool includeText, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var filter in parseResult.GetValue(Filter) ?? [])
        {
            var equals = filter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return (null, $"--filter \u201c{filter}\u201d should be facet=value, e.g. --filter type=scr");
            }

            var facet = filter[..equals].Trim();
            filters[facet] = [.. filters.GetValueOrDefault(facet) ?? [], filter[(equals + 1)..].Trim()];
        }

        var selection = new ReviewSelection { Query = parseResult.GetValue(Query) ?? "", Filters = filters, IncludeDocumentText = includeText };
        // The stream yields nothing for a selection it cannot read; ask search first so the reason can be shown.
        var check = await library.SearchAsync(new SearchRequest { Query = selection.Query, Filters = filters, PageSize = 1 }, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
        return check.QueryError is null ? (selection, null) : (null, check.QueryError);
    }

    public bool IsEmpty(ParseResult parseResult) =>
        string.IsNullOrWhiteSpace(parseResult.GetValue(Query)) && (parseResult.GetValue(Filter) ?? []).Length == 0;
}
