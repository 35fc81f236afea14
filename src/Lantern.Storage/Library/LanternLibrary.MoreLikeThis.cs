using System.Text.RegularExpressions;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Access;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    private const int MoreLikeThisCandidateTerms = 40;
    private const int MoreLikeThisQueryTerms = 12;

    private static readonly HashSet<string> StopWords = new(
        """
        a about above after again against all also am an and any are as at be because been before being below between both but by
        can could did do does doing down during each few for from further had has have having he her here hers herself him himself his
        how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out
        over own same she should so some such than that the their theirs them themselves then there these they this those through to too
        under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves
        within without upon whether were been also which there where into onto being may might must shall would could
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReviewSummary>> MoreLikeThisAsync(long reviewId, Viewer viewer, int take = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        // Every review page asks for this and the answer only changes with the library; it is kept per visibility, so a
        // reader is never given what was worked out for an editor.
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"mlt\u0001{(viewer.CanSeeRestricted ? 1 : 0)}\u0001{reviewId}\u0001{take}");
        return CachedAsync(key, token => MoreLikeThisUncachedAsync(reviewId, viewer, take, token), cancellationToken);
    }

    private Task<IReadOnlyList<ReviewSummary>> MoreLikeThisUncachedAsync(long reviewId, Viewer viewer, int take, CancellationToken cancellationToken) =>
        CountedReadAsync(() => MoreLikeThisCoreAsync(reviewId, viewer, take, cancellationToken));

    private async Task<IReadOnlyList<ReviewSummary>> MoreLikeThisCoreAsync(long reviewId, Viewer viewer, int take, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        var source = await connection.QuerySingleOrDefaultAsync<(string Title, string? Summary, string Body)>(
            $"SELECT r.title, r.summary, r.body {SummarySql.VisibleReviews(viewer)} AND r.id = @reviewId", new { reviewId }).ConfigureAwait(false);
        if (source.Title is null || take <= 0)
        {
            return [];
        }

        var termFrequency = Words($"{source.Title} {source.Summary} {source.Body}")
            .Where(w => w.Length >= 4 && !StopWords.Contains(w) && !w.All(char.IsAsciiDigit))
            .GroupBy(w => w, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Count: g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(MoreLikeThisCandidateTerms)
            .ToList();
        if (termFrequency.Count == 0)
        {
            return [];
        }

        // Document frequencies are counted over what the viewer may see only, so term choice reveals nothing restricted.
        // The reviews the viewer may not see, and how many reviews the viewer may see, come from the facet index.
        var (index, _) = await FacetSnapshotAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var hidden = HiddenIds(index, viewer);
        var notHidden = hidden is null ? "" : $" AND NOT ({_dialect.IdIn(_dialect.ReviewIndexKey, "hidden")})";
        long reviewCount = index.Size - (hidden is null ? 0 : index.RestrictedIds.Count);
        // Counted on the index alone, less the reviews the viewer may not see: the same number as a count over the
        // visible join, without looking up every matching review and its document. (Sharing the terms out over several
        // connections was tried: on two busy cores it cost more than it saved.)
        var frequencySql = $"SELECT count(*) {_dialect.ReviewIndexFrom} WHERE {_dialect.ReviewMatch}{notHidden}";
        var weighted = new List<(string Term, double Weight)>();
        foreach (var (term, count) in termFrequency)
        {
            var documentFrequency = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                frequencySql, Parameters(_dialect.AnyOf([term]), hidden), cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (documentFrequency <= 1)
            {
                continue; // a term no other review has cannot link it to another review
            }

            weighted.Add((term, count * Math.Log(1.0 + ((double)reviewCount / documentFrequency))));
        }

        var terms = weighted.OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal).Take(MoreLikeThisQueryTerms).Select(t => t.Term).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        // Rank first, then read the summaries (with their themes) of the few reviews kept.
        // Ranked on the full-text index alone (top-k with LIMIT), leaving out what the viewer may not see. Not split over
        // connections: bm25 counts the rows of each of the twelve terms over the whole table in every part, which
        // would add as much work as the frequencies above for each extra part.
        var ranked = await RankedIdsAsync(connection, _dialect.AnyOf(terms), hidden, 0, take, reviewId, cancellationToken).ConfigureAwait(false);
        return await ReviewSummariesAsync(connection, [.. ranked.Select(r => r.Key)], viewer, cancellationToken).ConfigureAwait(false);
    }

    private static DynamicParameters Parameters(string match, object? hidden, long reviewId = 0, int take = 0)
    {
        var parameters = new DynamicParameters(new { match, reviewId, take });
        if (hidden is not null)
        {
            parameters.Add("hidden", hidden);
        }

        return parameters;
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
