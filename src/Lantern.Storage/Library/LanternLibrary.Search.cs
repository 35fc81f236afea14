using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Access;
using Lantern.Storage.Search;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    private const string PointsFrom = "FROM learning_points lp JOIN reviews r ON r.id = lp.review_id JOIN documents d ON d.id = r.document_id";

    /// <summary>Largest page a search returns.</summary>
    public const int MaxPageSize = 100;

    /// <inheritdoc />
    public Task<SearchResults> SearchAsync(SearchRequest request, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(viewer);
        return CachedAsync(SearchKey(request, viewer), token => SearchUncachedAsync(request, viewer, token), cancellationToken);
    }

    private Task<SearchResults> SearchUncachedAsync(SearchRequest request, Viewer viewer, CancellationToken cancellationToken) =>
        CountedReadAsync(() => SearchCoreAsync(request, viewer, cancellationToken));

    private async Task<SearchResults> SearchCoreAsync(SearchRequest request, Viewer viewer, CancellationToken cancellationToken)
    {
        var parsed = SearchQueryParser.Default.Parse(request.Query);
        if (parsed.Error is not null)
        {
            return new SearchResults { QueryError = parsed.Error, Notes = parsed.Notes };
        }

        var parameters = new DynamicParameters();
        var conditions = new List<string> { VisibilityFilter.Condition(viewer) };
        var filterError = SearchFilters.Build(request.Filters, parameters, conditions);
        if (filterError is not null)
        {
            return new SearchResults { QueryError = filterError, Notes = parsed.Notes };
        }

        var learning = request.Scope == SearchScope.LearningPoints;
        var match = !parsed.IsBrowse;
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, request.Page);
        var skip = (page - 1) * (long)pageSize;

        await using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        var expression = match ? await _dialect.ExpandAsync(connection, _dialect.MatchExpression(parsed), cancellationToken).ConfigureAwait(false) : null;

        if (!learning)
        {
            // Total and facets from the in-memory facet index over the matching ids (one snapshot with the index),
            // so the hits are never joined to their labels in SQL. A query's matches are read with their ranks in the
            // same pass, and the page is picked from them: nothing is joined or worked out per match.
            var (index, matches) = await FacetSnapshotAsync(connection, expression, cancellationToken).ConfigureAwait(false);
            var predicate = FacetPredicate.For(request.Filters, index);
            var kept = index.KeptSlots(matches?.Ids, viewer.CanSeeRestricted, predicate);
            var (indexTotal, indexFacets) = index.Count(kept);
            List<(long Key, double Rank)> pageKeys;
            if (match && request.Sort == SearchSort.Relevance)
            {
                pageKeys = TopRanked(index, kept, matches!, skip, pageSize);
            }
            else
            {
                // Newest or oldest first, read off the index's orders: no sort of the whole library in SQL.
                var sort = request.Sort == SearchSort.Oldest ? SearchSort.Oldest : SearchSort.Newest;
                pageKeys = [.. index.PageInOrder(kept, sort, skip, pageSize).Select(slot => (index.Ids[slot], match ? RankOf(matches!, index.Ids[slot]) : 0.0))];
            }

            var pageRows = await PageRowsAsync(connection, pageKeys, learning, expression, viewer, cancellationToken).ConfigureAwait(false);
            return Results(indexTotal, indexFacets, pageRows, match, parsed.Notes);
        }

        // Learning points are paged in SQL, and their reviews' facets counted there.
        var from = match ? _dialect.PointsMatchFrom : PointsFrom;
        if (match)
        {
            conditions.Add(_dialect.PointMatch);
            parameters.Add("match", expression);
        }

        var where = "WHERE " + string.Join(" AND ", conditions.Select(c => $"({c})"));
        parameters.Add("take", pageSize);
        parameters.Add("skip", skip);
        var rank = match ? _dialect.PointRank : "CAST(0 AS double precision)";
        const string tieBreak = ", lp.kind, lp.ordinal";
        var order = request.Sort switch
        {
            SearchSort.Oldest => SummarySql.OldestFirst + tieBreak,
            SearchSort.Relevance when match => "Rank, r.id" + tieBreak,
            _ => SummarySql.NewestFirst + tieBreak,
        };

        // Rank first, then read the page's rows: snippets and columns are worked out for the page only, not for every
        // match before the sort.
        var pageSql = $"SELECT lp.id AS Key, {rank} AS Rank {from} {where} ORDER BY {order} LIMIT @take OFFSET @skip";

        var facetSql = $"WITH hits AS MATERIALIZED (SELECT r.id AS review_id, {FacetColumns} {from} {where}) " + FacetQuery;

        var ranked = (await connection.QueryAsync<(long Key, double Rank)>(new CommandDefinition(pageSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var rows = await PageRowsAsync(connection, ranked, learning, expression, viewer, cancellationToken).ConfigureAwait(false);
        var counts = await connection.QueryAsync<FacetRow>(new CommandDefinition(facetSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var total = 0;
        var facets = Facets.All.ToDictionary(f => f, _ => new List<FacetValue>(), StringComparer.Ordinal);
        foreach (var row in counts)
        {
            if (row.Facet.Length == 0)
            {
                total = (int)row.Count;
            }
            else if (row.Value is not null && facets.TryGetValue(row.Facet, out var values))
            {
                values.Add(new FacetValue(row.Value, (int)row.Count));
            }
        }

        return Results(total, facets, rows, match, parsed.Notes);
    }

    /// <summary>
    /// Rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the kept matches, best rank
    /// first and ties by id, as <c>ORDER BY rank, id LIMIT take OFFSET skip</c> would give them. The kept slots are the
    /// matches the viewer may see that pass the filters, in id order, so one walk pairs each with its rank; a bounded
    /// heap keeps the best skip + take.
    /// </summary>
    private static List<(long Key, double Rank)> TopRanked(FacetIndex index, int[] kept, Matches matches, long skip, int take)
    {
        var wanted = (int)Math.Min(skip + take, kept.Length);
        if (wanted <= skip)
        {
            return [];
        }

        // The worst of the best rows so far is on top: a new row replaces it when it ranks before it.
        var worstFirst = Comparer<(double Rank, long Key)>.Create((a, b) => b.CompareTo(a));
        var best = new PriorityQueue<long, (double Rank, long Key)>(wanted + 1, worstFirst);
        var ids = matches.Ids;
        var ranks = matches.Ranks;
        var at = 0;
        foreach (var slot in kept)
        {
            var id = index.Ids[slot];
            while (ids[at] != id)
            {
                at++;
            }

            var row = (ranks[at], id);
            if (best.Count < wanted)
            {
                best.Enqueue(id, row);
            }
            else if (best.TryPeek(out _, out var worst) && row.CompareTo(worst) < 0)
            {
                best.EnqueueDequeue(id, row);
            }
        }

        var rows = best.UnorderedItems.Select(item => (Key: item.Element, item.Priority.Rank)).ToList();
        rows.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Key.CompareTo(b.Key));
        return [.. rows.Skip((int)skip)];
    }

    /// <summary>The rank of the match with id <paramref name="id"/> (the ids are ascending).</summary>
    private static double RankOf(Matches matches, long id) => matches.Ranks[Array.BinarySearch(matches.Ids, id)];

    private static SearchResults Results(int total, Dictionary<string, List<FacetValue>> facets, List<HitRow> rows, bool match, IReadOnlyList<string> notes) => new()
    {
        Total = total,
        Hits = [.. rows.Select(r => r.ToHit(match))],
        Facets = facets.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<FacetValue>)[.. kv.Value.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)],
            StringComparer.Ordinal),
        Notes = notes,
    };

    // The single-valued facet columns, carried in the hits so counting them needs no second join per facet.
    private static readonly string FacetColumns = string.Join(", ", SearchFilters.Columns.Values.Select((column, i) => $"{column} AS c{i}"));

    // Counts every facet over the same hits in one statement; the first row (facet '') is the total.
    private static readonly string FacetQuery =
        "SELECT '' AS Facet, NULL AS Value, count(*) AS Count FROM hits"
        + string.Concat(SearchFilters.Columns.Keys.Select((facet, i) =>
            $" UNION ALL SELECT '{facet}', COALESCE(CAST(c{i} AS TEXT), '{Facets.NotStated}'), count(*) FROM hits GROUP BY c{i}"))
        // The label facets in one pass over the hits' labels.
        + $" UNION ALL SELECT CASE l.kind {string.Concat(SearchFilters.LabelKinds.Select(kv => $"WHEN '{kv.Value}' THEN '{kv.Key}' "))}END, l.code, count(*)"
        + $" FROM hits h JOIN review_labels l ON l.review_id = h.review_id AND l.kind IN ({string.Join(", ", SearchFilters.LabelKinds.Values.Select(k => $"'{k}'"))}) GROUP BY l.kind, l.code"
        // The effective_themes view, written out from the hits: selecting from the view would work out the themes
        // of the whole library first, however few the hits.
        + $" UNION ALL SELECT '{Facets.Theme}', code, count(*) FROM ("
        + " SELECT h.review_id, l.code FROM hits h JOIN review_labels l ON l.review_id = h.review_id AND l.kind = 'theme' JOIN reviews r ON r.id = h.review_id"
        + " WHERE NOT EXISTS (SELECT 1 FROM latest_coding_decisions c WHERE c.document_id = r.document_id AND c.review_key = r.review_key AND c.theme_code = l.code AND c.verdict = 'reject')"
        + " UNION SELECT h.review_id, c.theme_code FROM hits h JOIN reviews r ON r.id = h.review_id"
        + " JOIN latest_coding_decisions c ON c.document_id = r.document_id AND c.review_key = r.review_key WHERE c.verdict IN ('confirm', 'add'))"
        + " AS themes GROUP BY code";

    // The page's rows in rank order, with their snippets; a learning-point search pages learning points. The visibility
    // condition is applied again: the keys may come from the facet index's snapshot, taken a moment earlier.
    private async Task<List<HitRow>> PageRowsAsync(
        System.Data.Common.DbConnection connection, List<(long Key, double Rank)> ranked, bool learning, string? expression, Viewer viewer, CancellationToken cancellationToken)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var match = expression is not null;
        var key = learning ? "lp.id" : "r.id";
        var (from, where) = match ? _dialect.PageMatchFrom(learning, key, expression!) : _dialect.ByIdsFrom(learning);
        var snippet = (learning, match) switch
        {
            (false, true) => _dialect.ReviewSnippet,
            (true, true) => _dialect.PointSnippet,
            (false, false) => "COALESCE(r.summary, substr(r.body, 1, 600))",
            (true, false) => "lp.text",
        };
        var sql = $"""
            SELECT {key} AS RowKey, {SummarySql.ReviewColumns}, {snippet} AS Snippet, {(learning ? "lp.text" : "NULL")} AS LearningPoint
            {from} WHERE {where} AND {VisibilityFilter.Condition(viewer)}
            """;
        var ids = _dialect.IdList(ranked.Select(r => r.Key));
        var found = (await connection.QueryAsync<HitRow>(new CommandDefinition(
            sql, new { match = expression, ids, open = SnippetHtml.Open, close = SnippetHtml.Close }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.RowKey);
        var rows = new List<HitRow>(ranked.Count);
        foreach (var (rowKey, rank) in ranked)
        {
            if (found.TryGetValue(rowKey, out var row))
            {
                row.Rank = rank;
                rows.Add(row);
            }
        }

        return rows;
    }

    private sealed class FacetRow
    {
        public string Facet { get; set; } = "";
        public string? Value { get; set; }
        public long Count { get; set; }
    }

    private sealed class HitRow
    {
        public long RowKey { get; set; }
        public long Id { get; set; }
        public long DocumentId { get; set; }
        public string Title { get; set; } = "";
        public string? Reference { get; set; }
        public string? Name { get; set; }
        public string? Type { get; set; }
        public long? Year { get; set; }
        public string? Publisher { get; set; }
        public string? AgeBand { get; set; }
        public string? Outcome { get; set; }
        public long Visibility { get; set; }
        public string? Themes { get; set; }
        public double Rank { get; set; }
        public string? Snippet { get; set; }
        public string? LearningPoint { get; set; }

        public SearchHit ToHit(bool match)
        {
            var summary = new ReviewSummaryRow
            {
                Id = Id, DocumentId = DocumentId, Title = Title, Reference = Reference, Name = Name, Type = Type, Year = Year,
                Publisher = Publisher, AgeBand = AgeBand, Outcome = Outcome, Visibility = Visibility, Themes = Themes,
            }.ToSummary();
            var html = match ? SnippetHtml.ToHtml(Snippet) : SnippetHtml.Lead(Snippet);
            // bm25 is lower for better matches; the hit's score is higher for better ones.
            return new SearchHit(summary, html, match ? -Rank : 0, LearningPoint);
        }
    }
}
