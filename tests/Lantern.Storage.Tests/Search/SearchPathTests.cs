using System.Text;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Storage.Search;
using Lantern.Storage.Tests.Support;
using Lantern.Tests.Shared.Database;

namespace Lantern.Storage.Tests.Search;

/// <summary>
/// The faster search paths give the answers of the plain ones: ranking split over several connections gives the same
/// pages as one query, and facet counts from the in-memory index equal counts worked out in SQL.
/// </summary>
public sealed class SearchPathTests : IAsyncLifetime, IDisposable
{
    private static readonly Viewer Editor = new("editor", Role.Editor);

    private static readonly string[] Words =
    [
        "neglect", "housing", "information sharing", "escalated", "escalation", "supervision", "bruising", "strategy",
        "police", "school", "family", "mother", "health visitor", "domestic abuse", "curiosity", "exploitation",
    ];

    private static readonly string[] Harms = ["neglect", "physical-abuse", "sexual-exploitation", "unsafe-sleep"];
    private static readonly string[] Agencies = ["police", "school", "gp", "hospital", "health-visiting"];
    private static readonly string[] ThemeCodes = ["information-sharing", "professional-curiosity", "escalation", "safe-sleep"];

    private readonly TestLibrary _test = new();

    public async Task InitializeAsync()
    {
        // Thirty documents of three reviews with a deterministic mix of words, attributes and labels; every fourth
        // document is restricted, and every seventh review repeats one summary so that some scores tie.
        var random = new Random(20231);
        for (var d = 0; d < 30; d++)
        {
            var text = new StringBuilder($"Publisher: Partnership {d % 4}\n");
            for (var r = 0; r < 3; r++)
            {
                var n = (d * 3) + r;
                text.Append($"# Review P{d}-{r}\nType: {(n % 3 == 0 ? "rapid-review" : "lcspr")}\n");
                if (n % 5 != 0)
                {
                    text.Append($"Year: {2015 + (n % 8)}\n");
                }

                text.Append($"Sex: {(n % 2 == 0 ? "male" : "female")}\nOutcome: {(n % 4 == 0 ? "died" : "serious-harm")}\n");
                text.Append($"Harm: {Harms[n % Harms.Length]}\nAgency: {Agencies[n % Agencies.Length]}, {Agencies[(n + 2) % Agencies.Length]}\n");
                text.Append($"Themes: {ThemeCodes[n % ThemeCodes.Length]}\n");
                var summary = n % 7 == 0
                    ? "The family was known to housing and the police; neglect was not escalated."
                    : string.Join(' ', Enumerable.Range(0, 6 + random.Next(20)).Select(_ => Words[random.Next(Words.Length)])) + ".";
                text.Append($"Summary: {summary}\n- {Words[random.Next(Words.Length)]} should be discussed with {Words[random.Next(Words.Length)]}.\n");
            }

            await _test.AddAsync($"doc{d}.txt", text.ToString(), d % 4 == 3 ? Visibility.Restricted : Visibility.Public);
        }

        // The read cache off: every search below does its full work.
        _test.Reopen(TestLibrary.Options() with { ReadCacheLifetime = TimeSpan.Zero });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    private static readonly string[] QueryMix = ["neglect", "neglect OR housing", "\"information sharing\"", "escalat*", "family NOT police"];

    public static TheoryData<string> Queries => [.. QueryMix];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Search_RankingSplitIntoParts_GivesTheSamePagesAsOneQuery(string query)
    {
        var library = _test.Library;
        foreach (var viewer in new[] { Viewer.Anonymous, Editor })
        {
            for (var page = 1; page <= 4; page++)
            {
                var request = new SearchRequest { Query = query, Page = page, PageSize = 7 };
                library.SplitMinimumReviews = int.MaxValue;
                var single = await library.SearchAsync(request, viewer);
                library.SplitMinimumReviews = 1;
                var splitsBefore = library.SplitRankings;
                foreach (var parts in new[] { 2, 3, 4 })
                {
                    library.RankSplitParts = parts;
                    var split = await library.SearchAsync(request, viewer);

                    split.Total.ShouldBe(single.Total);
                    split.Hits.Select(h => (h.Review.Id, h.Score, h.SnippetHtml)).ShouldBe(single.Hits.Select(h => (h.Review.Id, h.Score, h.SnippetHtml)));
                }

                if (single.Total > 0 && !TestStore.UsesPostgres)
                {
                    library.SplitRankings.ShouldBe(splitsBefore + 3, "each ranking was split");
                }
            }

            (await library.SearchAsync(new SearchRequest { Query = query, PageSize = 100 }, viewer)).Hits.Count.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Search_WithTiedScores_OrdersTiesByIdWhetherSplitOrNot()
    {
        var library = _test.Library;
        var request = new SearchRequest { Query = "\"not escalated\"", PageSize = 100 };
        library.SplitMinimumReviews = int.MaxValue;
        var single = await library.SearchAsync(request, Editor);
        library.SplitMinimumReviews = 1;
        library.RankSplitParts = 3;
        var split = await library.SearchAsync(request, Editor);

        single.Hits.Count.ShouldBeGreaterThan(3);
        single.Hits.GroupBy(h => h.Score).ShouldContain(g => g.Count() > 1, "the repeated summary gives tied scores");
        split.Hits.Select(h => h.Review.Id).ShouldBe(single.Hits.Select(h => h.Review.Id));
        single.Hits.Zip(single.Hits.Skip(1)).ShouldAllBe(p => p.First.Score > p.Second.Score || (p.First.Score == p.Second.Score && p.First.Review.Id < p.Second.Review.Id));
    }

    [Theory]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public async Task Browse_PagedWithAFilter_ReadsOffTheSameOrderAsOneLargePage(SearchSort sort)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>> { [Facets.Sex] = ["female"] };
        foreach (var viewer in new[] { Viewer.Anonymous, Editor })
        {
            var whole = await _test.Library.SearchAsync(new SearchRequest { Sort = sort, Filters = filters, PageSize = 100 }, viewer);
            var paged = new List<long>();
            for (var page = 1; page <= 8; page++)
            {
                paged.AddRange((await _test.Library.SearchAsync(new SearchRequest { Sort = sort, Filters = filters, PageSize = 7, Page = page }, viewer)).Hits.Select(h => h.Review.Id));
            }

            whole.Total.ShouldBeGreaterThan(14);
            whole.Hits.Count.ShouldBe(whole.Total);
            whole.Hits.ShouldAllBe(h => viewer.CanSeeRestricted || h.Review.Visibility == Visibility.Public);
            paged.ShouldBe(whole.Hits.Select(h => h.Review.Id));
            var years = whole.Hits.Select(h => h.Review.Year).ToList();
            var dated = years.TakeWhile(y => y is not null).Select(y => y!.Value).ToList();
            dated.ShouldBe([.. sort == SearchSort.Newest ? dated.OrderByDescending(y => y) : dated.Order()], "years in order, reviews without a year last");
            years.Skip(dated.Count).ShouldAllBe(y => y == null);
        }
    }

    [SqliteOnlyFact("counts the hits with FTS5 MATCH in SQL")]
    public async Task Search_FacetCounts_EqualCountsWorkedOutInSql()
    {
        // Prefixes are widened with whole words before the match, so only whole-word queries are counted here.
        foreach (var (query, viewer) in QueryMix.Where(q => !q.EndsWith('*')).SelectMany(q => new[] { (q, Viewer.Anonymous), (q, Editor) }))
        {
            var expression = SearchQueryParser.Default.Parse(query).MatchExpression!;
            var results = await _test.Library.SearchAsync(new SearchRequest { Query = query }, viewer);
            var visible = viewer.CanSeeRestricted ? "1 = 1" : "d.visibility = 0";
            var hits = $"SELECT r.* FROM reviews_fts JOIN reviews r ON r.id = reviews_fts.rowid JOIN documents d ON d.id = r.document_id WHERE reviews_fts MATCH @expression AND {visible}";
            using var connection = _test.Library.OpenConnection();

            results.Total.ShouldBe(connection.ExecuteScalar<int>($"SELECT count(*) FROM ({hits})", new { expression }));
            foreach (var (facet, column) in new[] { (Facets.Type, "type"), (Facets.Year, "CAST(year AS TEXT)"), (Facets.Sex, "sex"), (Facets.Outcome, "outcome") })
            {
                var expected = connection.Query<(string Value, int Count)>(
                    $"SELECT COALESCE({column}, '{Facets.NotStated}'), count(*) FROM ({hits}) GROUP BY 1", new { expression });
                results.Facets[facet].OrderBy(v => v.Value, StringComparer.Ordinal).Select(v => (v.Value, v.Count))
                    .ShouldBe(expected.OrderBy(v => v.Value, StringComparer.Ordinal), $"{facet} for {query} as {viewer.Role}");
            }

            foreach (var (facet, kind) in new[] { (Facets.Harm, "harm"), (Facets.Agency, "agency") })
            {
                var expected = connection.Query<(string Value, int Count)>(
                    $"SELECT l.code, count(DISTINCT h.id) FROM ({hits}) h JOIN review_labels l ON l.review_id = h.id AND l.kind = '{kind}' GROUP BY l.code", new { expression });
                results.Facets[facet].OrderBy(v => v.Value, StringComparer.Ordinal).Select(v => (v.Value, v.Count))
                    .ShouldBe(expected.OrderBy(v => v.Value, StringComparer.Ordinal), $"{facet} for {query} as {viewer.Role}");
            }

            var themes = connection.Query<(string Value, int Count)>(
                $"SELECT t.code, count(*) FROM ({hits}) h JOIN effective_themes t ON t.review_id = h.id GROUP BY t.code", new { expression });
            results.Facets[Facets.Theme].OrderBy(v => v.Value, StringComparer.Ordinal).Select(v => (v.Value, v.Count))
                .ShouldBe(themes.OrderBy(v => v.Value, StringComparer.Ordinal));
        }
    }

    [SqliteOnlyFact("compares with FTS5's bm25 in SQL")]
    public async Task Search_FilteredOrByDate_GivesTheOrderAndScoresOfSql()
    {
        var female = new Dictionary<string, IReadOnlyList<string>> { [Facets.Sex] = ["female"] };
        var years = new Dictionary<string, IReadOnlyList<string>> { [Facets.Year] = ["2016", "2019", Facets.NotStated] };
        using var connection = _test.Library.OpenConnection();
        foreach (var (query, viewer) in QueryMix.Where(q => !q.EndsWith('*')).SelectMany(q => new[] { (q, Viewer.Anonymous), (q, Editor) }))
        {
            var expression = SearchQueryParser.Default.Parse(query).MatchExpression!;
            var visible = viewer.CanSeeRestricted ? "1 = 1" : "d.visibility = 0";
            var cases = new (SearchRequest Request, string Where, string Order)[]
            {
                (new SearchRequest { Query = query, Filters = female, PageSize = 100 }, "r.sex = 'female'", "2, 1"),
                (new SearchRequest { Query = query, Filters = years, PageSize = 100 }, "(r.year IN (2016, 2019) OR r.year IS NULL)", "2, 1"),
                (new SearchRequest { Query = query, Sort = SearchSort.Newest, PageSize = 100 }, "1 = 1", SummarySql.NewestFirst),
                (new SearchRequest { Query = query, Sort = SearchSort.Oldest, Filters = female, PageSize = 100 }, "r.sex = 'female'", SummarySql.OldestFirst),
            };
            foreach (var (request, where, order) in cases)
            {
                var expected = connection.Query<(long Id, double Rank)>(
                    $"SELECT r.id, bm25(reviews_fts, 4.0, 6.0, 2.0, 1.0) FROM reviews_fts JOIN reviews r ON r.id = reviews_fts.rowid JOIN documents d ON d.id = r.document_id WHERE reviews_fts MATCH @expression AND {visible} AND {where} ORDER BY {order}",
                    new { expression }).ToList();
                var results = await _test.Library.SearchAsync(request, viewer);

                expected.Count.ShouldBeGreaterThan(0, $"{query} {where}");
                results.Total.ShouldBe(expected.Count);
                results.Hits.Select(h => (h.Review.Id, h.Score)).ShouldBe(expected.Select(e => (e.Id, -e.Rank)), $"{query} {where} {request.Sort} as {viewer.Role}");
            }
        }
    }

    [SqliteOnlyFact("a search's matches are read in parts on SQLite only")]
    public async Task Search_WriteLandsBetweenTheParts_ReadsAgainAtOneState()
    {
        var library = _test.Library;
        library.SplitMinimumReviews = 1;
        library.RankSplitParts = 2;
        var before = await library.SearchAsync(new SearchRequest { Query = "neglect", PageSize = 100 }, Editor);
        var writes = 0;
        library.BeforeMatchPart = async () =>
        {
            // The second part's snapshot begins after this write; the first part's began before it.
            if (Interlocked.Increment(ref writes) == 1)
            {
                await _test.AddAsync("late.txt", "# Review Late-1\nSummary: neglect neglect neglect was not escalated, late in the day.\n");
            }
        };
        var splitsBefore = library.SplitRankings;

        var during = await library.SearchAsync(new SearchRequest { Query = "neglect", PageSize = 100 }, Editor);

        library.BeforeMatchPart = null;
        var after = await library.SearchAsync(new SearchRequest { Query = "neglect", PageSize = 100 }, Editor);
        writes.ShouldBeGreaterThan(1, "the read started again after the write");
        (library.SplitRankings - splitsBefore).ShouldBeGreaterThan(1);
        after.Total.ShouldBe(before.Total + 1);
        during.Total.ShouldBe(after.Total);
        during.Hits.Select(h => (h.Review.Id, h.Score)).ShouldBe(after.Hits.Select(h => (h.Review.Id, h.Score)));
        during.Facets[Facets.Year].ShouldBe(after.Facets[Facets.Year]);
    }
}
