using Lantern.Core.Analysis;
using Lantern.Core.Analysis.Agreement;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Analysis;

/// <summary>The analysis read: every matching review, with the same filters and visibility rule as search.</summary>
public sealed class StreamReviewsTests : IAsyncLifetime, IDisposable
{
    private static readonly Viewer Editor = new("editor", Role.Editor);
    private readonly TestLibrary _test = new();

    public async Task InitializeAsync()
    {
        await _test.AddAsync("north.txt", Some.NorthBulletin);
        await _test.AddAsync("hidden.txt", Some.RestrictedReview, Visibility.Restricted);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    private async Task<List<ReviewDetail>> StreamAsync(ReviewSelection selection, Viewer viewer)
    {
        var list = new List<ReviewDetail>();
        await foreach (var detail in _test.Library.StreamReviewsAsync(selection, viewer))
        {
            list.Add(detail);
        }

        return list;
    }

    [Fact]
    public async Task StreamReviews_ByIds_ReturnsOnlyThose_AndStillHidesRestrictedFromReaders()
    {
        var all = await StreamAsync(new ReviewSelection(), Editor);
        var hidden = all.Single(d => d.Summary.Visibility == Visibility.Restricted).Summary.Id;
        var open = all.First(d => d.Summary.Visibility == Visibility.Public).Summary.Id;

        (await StreamAsync(new ReviewSelection { ReviewIds = [open, hidden] }, Editor)).Select(d => d.Summary.Id).Order().ShouldBe(new[] { open, hidden }.Order());
        (await StreamAsync(new ReviewSelection { ReviewIds = [open, hidden] }, Viewer.Anonymous)).Select(d => d.Summary.Id).ShouldBe([open]);
        (await StreamAsync(new ReviewSelection { ReviewIds = [] }, Editor)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("zebrafinch")]
    [InlineData("\"disguised compliance\"")]
    public async Task StreamReviews_AnonymousOrReader_MatchesSearchAndNeverReturnsRestricted(string query)
    {
        foreach (var viewer in new[] { Viewer.Anonymous, new Viewer("reader", Role.Reader) })
        {
            var streamed = await StreamAsync(new ReviewSelection { Query = query }, viewer);
            var search = await _test.Library.SearchAsync(new SearchRequest { Query = query, PageSize = 100 }, viewer);

            streamed.Select(d => d.Summary.Id).Order().ShouldBe(search.Hits.Select(h => h.Review.Id).Order());
            streamed.ShouldAllBe(d => d.Summary.Visibility == Visibility.Public);
        }
    }

    [Fact]
    public async Task StreamReviews_Editor_SeesRestrictedAndFiltersAsSearchDoes()
    {
        var all = await StreamAsync(new ReviewSelection(), Editor);
        var themed = await StreamAsync(new ReviewSelection { Filters = new Dictionary<string, IReadOnlyList<string>> { [Facets.Theme] = ["information-sharing"] } }, Editor);
        var search = await _test.Library.SearchAsync(new SearchRequest { Filters = new Dictionary<string, IReadOnlyList<string>> { [Facets.Theme] = ["information-sharing"] }, PageSize = 100 }, Editor);

        all.ShouldContain(d => d.Summary.Visibility == Visibility.Restricted);
        themed.Count.ShouldBe(search.Total);
        themed.ShouldAllBe(d => d.Summary.Themes.Contains("information-sharing"));
    }

    [Fact]
    public async Task StreamReviews_DocumentText_OnlyWhenAskedFor()
    {
        var without = await StreamAsync(new ReviewSelection(), Editor);
        var with = await StreamAsync(new ReviewSelection { IncludeDocumentText = true }, Editor);

        without.ShouldAllBe(d => d.DocumentText.Length == 0);
        with.ShouldAllBe(d => d.DocumentText.Length > 0);
    }

    [Fact]
    public async Task StreamReviews_BadFilterOrQuery_YieldsNothing()
    {
        (await StreamAsync(new ReviewSelection { Query = "\"unclosed" }, Editor)).ShouldBeEmpty();
        (await StreamAsync(new ReviewSelection { Filters = new Dictionary<string, IReadOnlyList<string>> { ["colour"] = ["red"] } }, Editor)).ShouldBeEmpty();
        (await AnalysisAsync(new ReviewSelection { Query = "\"unclosed" }, Editor, withLearning: true)).ShouldBeEmpty();
        (await AnalysisAsync(new ReviewSelection { Filters = new Dictionary<string, IReadOnlyList<string>> { ["colour"] = ["red"] } }, Editor, withLearning: true)).ShouldBeEmpty();
    }

    private async Task<List<AnalysisReview>> AnalysisAsync(ReviewSelection selection, Viewer viewer, bool withLearning)
    {
        var list = new List<AnalysisReview>();
        await foreach (var review in _test.Library.StreamAnalysisReviewsAsync(selection, viewer, withLearning))
        {
            list.Add(review);
        }

        return list;
    }

    // What an analysis sees of a review, with label lists in a fixed order (the stored rows are read in code order).
    private static string Describe(AnalysisReview r) =>
        $"{r.Id}|{r.Title}|{r.Publisher}|{r.Year}|{r.Type}|{r.AgeBand}|{r.Sex}|{r.Outcome}|" +
        string.Join("/", new[] { r.Harm, r.RiskFactors, r.Agencies, r.Themes }.Select(l => string.Join(",", l.Order(StringComparer.Ordinal)))) +
        "|" + string.Join("\n", r.Learning);

    [Theory]
    [InlineData("")]
    [InlineData("\"disguised compliance\"")]
    [InlineData("theme")]
    [InlineData("ids")]
    public async Task StreamAnalysisReviews_ReadFromRows_EqualsTheViewOfEachStoredRecord_ForEveryViewer(string selectionKind)
    {
        // Human coding changes the effective themes, which the analysis view must show.
        var first = (await StreamAsync(new ReviewSelection(), Editor)).First(d => d.Summary.Themes.Contains("information-sharing"));
        await _test.Library.RecordCodingDecisionAsync(first.Summary.Id, "information-sharing", CodingVerdict.Rejected, Editor);
        await _test.Library.RecordCodingDecisionAsync(first.Summary.Id, "supervision-and-support", CodingVerdict.Added, Editor);
        var everything = await StreamAsync(new ReviewSelection(), Editor);
        var selection = selectionKind switch
        {
            "theme" => new ReviewSelection { Filters = new Dictionary<string, IReadOnlyList<string>> { [Facets.Theme] = ["information-sharing"] } },
            "ids" => new ReviewSelection { ReviewIds = [.. everything.Select(d => d.Summary.Id).Where((_, i) => i % 2 == 0)] },
            _ => new ReviewSelection { Query = selectionKind },
        };

        foreach (var viewer in new[] { Viewer.Anonymous, new Viewer("reader", Role.Reader), Editor })
        {
            var expected = (await StreamAsync(selection, viewer)).Select(d => d.ToAnalysisReview()).ToList();
            var withLearning = await AnalysisAsync(selection, viewer, withLearning: true);
            var without = await AnalysisAsync(selection, viewer, withLearning: false);

            withLearning.Select(Describe).ShouldBe(expected.Select(Describe));
            without.Select(Describe).ShouldBe(expected.Select(r => Describe(r with { Learning = [] })));
        }

        var all = await AnalysisAsync(new ReviewSelection(), Editor, withLearning: true);
        all.ShouldContain(r => r.Learning.Count > 0 && r.Harm.Count > 0 && r.Agencies.Count > 0);
        var coded = all.Single(r => r.Id == first.Summary.Id);
        coded.Themes.ShouldContain("supervision-and-support");
        coded.Themes.ShouldNotContain("information-sharing");
    }
}
