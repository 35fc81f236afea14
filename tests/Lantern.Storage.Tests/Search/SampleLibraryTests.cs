using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Tests.Shared.Database;

namespace Lantern.Storage.Tests.Search;

/// <summary>A library of the repository's sample bulletins, read by the real pipeline; shared by a test class.</summary>
public sealed class SampleLibraryFixture : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lantern-storage-tests", Guid.NewGuid().ToString("N"));

    public LanternLibrary Library { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Library = LanternLibrary.Open(TestStore.For(_folder));
        // Published bulletins: public even where the sensitive-data check quotes a duty line.
        foreach (var file in Directory.GetFiles(SamplesFolder(), "*.txt").Order())
        {
            (await Library.IngestAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), new IngestOptions { Visibility = Visibility.Public })).Status.ShouldBe(IngestStatus.Added);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Library.Dispose();
        TestStore.Release(_folder);
        Directory.Delete(_folder, recursive: true);
    }

    public static string SamplesFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lantern.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "samples");
    }
}

/// <summary>Search over the repository's sample bulletins, read by the real pipeline.</summary>
public sealed class SampleLibraryTests(SampleLibraryFixture fixture) : IClassFixture<SampleLibraryFixture>
{
    private readonly LanternLibrary _library = fixture.Library;

    private Task<SearchResults> Search(string query, SearchScope scope = SearchScope.Reviews) =>
        _library.SearchAsync(new SearchRequest { Query = query, Scope = scope, PageSize = 100 }, Viewer.Anonymous);

    [Fact]
    public async Task Search_DisguisedCompliance_RanksReviewsDiscussingItFirst()
    {
        var results = await Search("disguised compliance");

        results.Total.ShouldBeGreaterThan(0);
        var top = await _library.GetReviewAsync(results.Hits[0].Review.Id, Viewer.Anonymous);
        var body = top!.Review.Span.Slice(top.DocumentText);
        body.ShouldContain("disguised compliance", Case.Insensitive);
    }

    [Fact]
    public async Task Search_Acronym_FindsEveryReviewTheLongFormFinds()
    {
        var longForm = await Search("\"looked after child\" OR \"looked after children\"");
        var acronym = await Search("LAC");

        longForm.Total.ShouldBeGreaterThan(0);
        longForm.Hits.Select(h => h.Review.Id).ShouldBeSubsetOf(acronym.Hits.Select(h => h.Review.Id));
    }

    [Fact]
    public async Task Search_DomesticAbuseSynonyms_FindTheSameReviews()
    {
        var da = await Search("DA");
        var domesticAbuse = await Search("domestic abuse");

        da.Total.ShouldBeGreaterThan(0);
        da.Hits.Select(h => h.Review.Id).Order().ShouldBe(domesticAbuse.Hits.Select(h => h.Review.Id).Order());
    }

    [Fact]
    public async Task Search_FacetCounts_AddUpToTheTotalForSingleValuedFacets()
    {
        var results = await Search("");

        results.Total.ShouldBe(15);
        foreach (var facet in new[] { Facets.Type, Facets.Year, Facets.Publisher, Facets.AgeBand, Facets.Sex, Facets.Outcome })
        {
            results.Facets[facet].Sum(f => f.Count).ShouldBe(results.Total, facet);
        }

        results.Facets[Facets.Type].ShouldContain(f => f.Value == Facets.NotStated);
        foreach (var value in results.Facets[Facets.Type])
        {
            var filtered = await _library.SearchAsync(new SearchRequest { Filters = new Dictionary<string, IReadOnlyList<string>> { [Facets.Type] = [value.Value] } }, Viewer.Anonymous);
            filtered.Total.ShouldBe(value.Count);
        }
    }

    [Fact]
    public async Task Search_LearningScope_FindsSinglePointsWithHighlights()
    {
        var results = await Search("information sharing", SearchScope.LearningPoints);

        results.Total.ShouldBeGreaterThan(0);
        results.Hits.ShouldAllBe(h => h.LearningPoint != null && h.SnippetHtml.Contains("<mark>"));
    }

    [Fact]
    public async Task MoreLikeThis_OnASampleReview_ReturnsOtherReviews()
    {
        var source = (await Search("")).Hits[0].Review;

        var similar = await _library.MoreLikeThisAsync(source.Id, Viewer.Anonymous, 3);

        similar.Count.ShouldBeGreaterThan(0);
        similar.ShouldNotContain(s => s.Id == source.Id);
    }
}
