using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern search "QUERY" [--json] [--scope reviews|learning] [--filter facet=value]... [--page N]</c>.</summary>
internal sealed partial class SearchCommand : ICliCommand
{
    public Command Build()
    {
        var query = new Argument<string>("QUERY")
        {
            Description = "Words, \"phrases\", prefix*, AND/OR/NOT, -word; acronyms such as DA, LAC, CSE are widened. Empty: browse newest first",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "",
        };
        var json = new Option<bool>("--json") { Description = "Write the results as JSON (hits with HTML snippets, facets)" };
        var scope = new Option<string>("--scope") { Description = "Search whole reviews or single learning points", DefaultValueFactory = _ => "reviews" };
        scope.AcceptOnlyFromAmong("reviews", "learning");
        var filters = new Option<string[]>("--filter")
        {
            Description = $"facet=value; repeat to combine (same facet: either value; different facets: both). Facets: {string.Join(", ", Facets.All)}",
            AllowMultipleArgumentsPerToken = false,
        };
        var page = new Option<int>("--page") { Description = "Page of results, from 1", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--page-size") { Description = "Results per page (1-100)", DefaultValueFactory = _ => 10 };
        var sort = new Option<string>("--sort") { Description = "relevance, newest or oldest", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "newest", "oldest");
        var command = new Command(
            "search",
            """
            Search the library, best matches first. Words are all required and match other forms (share, sharing, shared);
            "a phrase" matches those words together; neglec* matches word starts; OR (or lower-case "or" between words) gives
            either; NOT word or -word leaves a word out; brackets group. Acronyms and synonyms of the field are widened:
            DA = domestic abuse/violence, LAC = looked after child(ren), CSC, CP plan, SUDI, CSE, MASH, MARAC, "toxic trio".
            """)
        { query, json, scope, filters, page, size, sort };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var parsedFilters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var filter in parseResult.GetValue(filters) ?? [])
            {
                var equals = filter.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    return parseResult.Fail($"--filter \u201c{filter}\u201d should be facet=value, e.g. --filter type=scr");
                }

                var facet = filter[..equals].Trim();
                parsedFilters[facet] = [.. parsedFilters.GetValueOrDefault(facet) ?? [], filter[(equals + 1)..].Trim()];
            }

            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var request = new SearchRequest
            {
                Query = parseResult.GetValue(query) ?? "",
                Scope = parseResult.GetValue(scope) == "learning" ? SearchScope.LearningPoints : SearchScope.Reviews,
                Filters = parsedFilters,
                Page = parseResult.GetValue(page),
                PageSize = parseResult.GetValue(size),
                Sort = parseResult.GetValue(sort) switch { "newest" => SearchSort.Newest, "oldest" => SearchSort.Oldest, _ => SearchSort.Relevance },
            };
            var results = await library.SearchAsync(request, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            if (results.QueryError is not null)
            {
                return parseResult.Fail(results.QueryError);
            }

            if (parseResult.GetValue(json))
            {
                parseResult.WriteJson(results);
                return 0;
            }

            Print(parseResult.Out(), request, results, parseResult.IsInteractive());
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter output, SearchRequest request, SearchResults results, bool interactive)
    {
        foreach (var note in results.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        var first = ((request.Page - 1) * request.PageSize) + 1;
        output.WriteLine(results.Total == 0
            ? "no results"
            : $"{results.Total} result{(results.Total == 1 ? "" : "s")}{(results.Hits.Count < results.Total ? $", showing {first}-{first + results.Hits.Count - 1}" : "")}");
        var n = first;
        foreach (var hit in results.Hits)
        {
            var r = hit.Review;
            var about = string.Join(", ", new[] { r.Type, r.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Publisher }.Where(s => !string.IsNullOrEmpty(s)));
            output.WriteLine();
            output.WriteLine($"{n++}. {r.Title}{(about.Length > 0 ? $" ({about})" : "")}  [review {r.Id}]");
            output.WriteLine($"   {string.Join(' ', Plain(hit.SnippetHtml, interactive).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}");
        }

        var facetLines = results.Facets.Where(f => f.Value.Count > 0).ToList();
        if (facetLines.Count > 0 && results.Total > 0)
        {
            output.WriteLine();
            foreach (var (facet, values) in facetLines)
            {
                output.WriteLine($"{facet}: {string.Join(", ", values.Take(8).Select(v => $"{v.Value} ({v.Count})"))}{(values.Count > 8 ? ", \u2026" : "")}");
            }
        }
    }

    /// <summary>The snippet as terminal text: matches in bold at a terminal, in [brackets] otherwise.</summary>
    private static string Plain(string html, bool interactive)
    {
        var marked = html.Replace("<mark>", interactive ? "\u001b[1m" : "[", StringComparison.Ordinal)
            .Replace("</mark>", interactive ? "\u001b[0m" : "]", StringComparison.Ordinal);
        return WebUtility.HtmlDecode(Tags().Replace(marked, ""));
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
