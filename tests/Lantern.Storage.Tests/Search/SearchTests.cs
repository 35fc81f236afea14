using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Search;

public sealed class SearchTests : IAsyncLifetime, IDisposable
{
    private readonly TestLibrary _test = new();

    public async Task InitializeAsync()
    {
        await _test.AddAsync("north.txt", Some.NorthBulletin);
        await _test.AddAsync("south.txt", Some.SouthDigest);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    private Task<SearchResults> Search(string query, SearchScope scope = SearchScope.Reviews, Dictionary<string, IReadOnlyList<string>>? filters = null) =>
        _test.Library.SearchAsync(new SearchRequest { Query = query, Scope = scope, Filters = filters ?? [] }, Viewer.Anonymous);

    [Fact]
    public async Task Search_Phrase_RanksTheReviewDiscussingItFirst()
    {
        var results = await Search("\"disguised compliance\"");

        results.QueryError.ShouldBeNull();
        results.Total.ShouldBe(1);
        results.Hits[0].Review.Reference.ShouldBe("RR 1/22");
        results.Hits[0].SnippetHtml.ShouldContain("<mark>disguised compliance</mark>");
    }

    [Fact]
    public async Task Search_Acronym_FindsWhatTheLongFormFinds()
    {
        var acronym = await Search("DA");
        var longForm = await Search("\"domestic abuse\" OR \"domestic violence\"");

        acronym.Total.ShouldBe(2);
        acronym.Hits.Select(h => h.Review.Id).OrderBy(x => x).ShouldBe(longForm.Hits.Select(h => h.Review.Id).OrderBy(x => x));
    }

    [Fact]
    public async Task Search_MultiWordSynonym_FindsTheAcronymsMeaning()
    {
        var results = await Search("SUDI");

        results.Hits.Select(h => h.Review.Reference).ShouldBe(["Case 7"]);
    }

    [Fact]
    public async Task Search_PrefixLongerThanTheWordsStem_StillFindsTheWord()
    {
        // "escalated" is stored stemmed as "escal", shorter than the typed prefix.
        var reviews = await Search("escalat*");
        var points = await Search("escalat*", SearchScope.LearningPoints);

        reviews.QueryError.ShouldBeNull();
        reviews.Hits.Select(h => h.Review.Reference).ShouldBe(["RR 1/22"]);
        reviews.Hits[0].SnippetHtml.ShouldContain("<mark>escalated</mark>");
        points.Hits.ShouldContain(h => h.LearningPoint!.Contains("escalated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_ExcludedPrefixLongerThanTheStem_LeavesTheReviewOut()
    {
        var results = await Search("neglect NOT escalat*");

        results.Hits.Select(h => h.Review.Reference).ShouldNotContain("RR 1/22");
    }

    [Fact]
    public async Task Search_RepeatedAfterAnIngest_SeesTheNewReview()
    {
        (await Search("kestrel")).Total.ShouldBe(0);

        await _test.AddAsync("east.txt", """
            # Review RR 9/23
            Type: rapid-review
            Year: 2023
            Summary: A kestrel was the family's pet; the home visits never looked past it.
            """);

        (await Search("kestrel")).Hits.Select(h => h.Review.Reference).ShouldBe(["RR 9/23"]);
    }

    [Fact]
    public async Task Search_PrefixRepeatedAfterAnIngest_IsWidenedWithTheNewWords()
    {
        // A made-up word whose stem ("kestrel") is shorter than the typed prefix, as "escal" is for "escalated": only
        // the library's whole words widen the prefix to find and mark it, and those words change with each ingest.
        (await Search("kestrelat*")).Total.ShouldBe(0);

        await _test.AddAsync("east.txt", """
            # Review RR 9/23
            Type: rapid-review
            Year: 2023
            Summary: Concerns about the family kestrelated over the year; nobody held the whole picture.
            """);
        var after = await Search("kestrelat*");

        after.Hits.Select(h => h.Review.Reference).ShouldBe(["RR 9/23"]);
        after.Hits[0].SnippetHtml.ShouldContain("<mark>kestrelated</mark>");
    }

    [Fact]
    public async Task Search_Prefix_MatchesWordStarts()
    {
        var results = await Search("bruis*");

        results.Hits.Select(h => h.Review.Reference).ShouldBe(["RR 2/22"]);
    }

    [Fact]
    public async Task Search_Stemming_MatchesOtherFormsOfAWord()
    {
        var results = await Search("escalating");

        results.Hits.Select(h => h.Review.Reference).ShouldContain("RR 1/22");
    }

    [Fact]
    public async Task Search_NotAndMinus_LeaveWordsOut()
    {
        (await Search("died NOT violence")).Hits.Select(h => h.Review.Reference).ShouldBe(["RR 1/22", "Case 7"], ignoreOrder: true);
        (await Search("died -violence")).Total.ShouldBe(2);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("AND AND")]
    [InlineData("NOT")]
    [InlineData("(((")]
    [InlineData("-neglect")]
    public async Task Search_MalformedQuery_GivesAPlainEnglishErrorAndNoHits(string query)
    {
        var results = await Search(query);

        results.QueryError.ShouldNotBeNullOrWhiteSpace();
        results.Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_UnclosedQuote_IsRepairedWithANote()
    {
        var results = await Search("\"disguised compliance");

        results.QueryError.ShouldBeNull();
        results.Total.ShouldBe(1);
        results.Notes.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Search_EmptyQuery_BrowsesNewestFirst()
    {
        var results = await Search("");

        results.Total.ShouldBe(4);
        results.Hits.Select(h => h.Review.Year).ShouldBe([2022, 2022, 2020, 2019]);
    }

    [Fact]
    public async Task Search_FacetCounts_AddUpToTheTotal()
    {
        var results = await Search("");

        results.Facets[Facets.Type].Sum(f => f.Count).ShouldBe(results.Total);
        results.Facets[Facets.Publisher].Sum(f => f.Count).ShouldBe(results.Total);
        results.Facets[Facets.Harm].Single(f => f.Value == "neglect").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Search_Filters_AndAcrossFacetsOrWithinOne()
    {
        var either = await Search("", filters: new() { [Facets.Type] = ["scr", "learning-review"] });
        var both = await Search("", filters: new() { [Facets.Type] = ["rapid-review"], [Facets.Harm] = ["neglect"] });

        either.Total.ShouldBe(2);
        both.Hits.Select(h => h.Review.Reference).ShouldBe(["RR 1/22"]);
        both.Facets[Facets.Type].ShouldBe([new FacetValue("rapid-review", 1)]);
    }

    [Fact]
    public async Task Search_NotStatedFilter_FindsReviewsWhoseTextDoesNotSay()
    {
        await _test.AddAsync("untyped.txt", "# Review Q1\nSummary: A review that names no type or year.");

        var results = await Search("", filters: new() { [Facets.Type] = [Facets.NotStated] });
        var either = await Search("", filters: new() { [Facets.Type] = [Facets.NotStated, "scr"] });

        results.Hits.Select(h => h.Review.Reference).ShouldBe(["Q1"]);
        either.Total.ShouldBe(2);
        (await Search("")).Facets[Facets.Year].ShouldContain(new FacetValue(Facets.NotStated, 1));
    }

    [Fact]
    public async Task Search_UnknownFilter_GivesQueryError()
    {
        (await Search("", filters: new() { ["colour"] = ["red"] })).QueryError.ShouldNotBeNull();
    }

    [Fact]
    public async Task Search_LearningScope_ReturnsSinglePoints()
    {
        var results = await Search("safe sleep", SearchScope.LearningPoints);

        results.Total.ShouldBe(2);
        results.Hits.ShouldAllBe(h => h.LearningPoint != null && h.Review.Reference == "Case 7");
    }

    [Fact]
    public async Task MoreLikeThis_FindsReviewsSharingDistinctiveWords_ExcludingItself()
    {
        var source = await _test.Library.FindReviewAsync("BH", Viewer.Anonymous);

        var similar = await _test.Library.MoreLikeThisAsync(source!.Summary.Id, Viewer.Anonymous);

        similar.ShouldNotBeEmpty();
        similar.ShouldNotContain(s => s.Id == source.Summary.Id);
    }
}
