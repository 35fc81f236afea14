using System.Text;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Search;

public class FacetIndexTests
{
    private static readonly Viewer Editor = new("editor", Role.Editor);

    private const string HiddenReview = """
        Publisher: Hidden Valley Partnership
        # Review HV 1/23
        Type: lcspr
        Year: 2023
        Sex: female
        AgeBand: 11-15
        Outcome: serious-harm
        Harm: neglect, sexual-exploitation
        Agency: police
        Themes: information-sharing
        Summary: A girl was exploited; neglect at home went unrecognised.
        - Neglect should be assessed alongside exploitation.
        """;

    [Fact]
    public async Task Search_AnotherProcessAddsADocument_CountsItOnTheNextSearch()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        (await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous)).Total.ShouldBe(1);

        // A second library over the same folder stands for the CLI importing while the web app runs.
        using (var other = LanternLibrary.Open(test.Location, TestLibrary.Options()))
        {
            (await other.IngestAsync("south.txt", Encoding.UTF8.GetBytes(Some.SouthDigest), new IngestOptions())).Status.ShouldBe(IngestStatus.Added);
        }

        var after = await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous);
        after.Total.ShouldBe(2);
        after.Facets[Facets.Harm].ShouldContain(new FacetValue("neglect", 2));
        after.Facets[Facets.Publisher].Select(f => f.Value).Order().ShouldBe(["Northshire Safeguarding Children Partnership", "Southshire Safeguarding Partnership"]);
    }

    [Theory]
    [InlineData(Facets.Harm, "neglect")]
    [InlineData(Facets.Year, "2023")]
    [InlineData(Facets.Theme, "information-sharing")]
    [InlineData(Facets.Sex, "female")]
    public async Task Search_FilteredByAValueARestrictedReviewHas_NeverCountsItForReaders(string facet, string value)
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        await test.AddAsync("south.txt", Some.SouthDigest);
        await test.AddAsync("hidden.txt", HiddenReview, Visibility.Restricted);
        var filters = new Dictionary<string, IReadOnlyList<string>> { [facet] = [value] };

        var reader = await test.Library.SearchAsync(new SearchRequest { Filters = filters }, Viewer.Anonymous);
        var editor = await test.Library.SearchAsync(new SearchRequest { Filters = filters }, Editor);

        reader.Hits.ShouldAllBe(h => h.Review.Visibility == Visibility.Public);
        reader.Facets.Values.SelectMany(v => v).ShouldNotContain(f => f.Value == "sexual-exploitation" || f.Value == "lcspr" || f.Value == "Hidden Valley Partnership");
        editor.Total.ShouldBe(reader.Total + 1);
        editor.Hits.ShouldContain(h => h.Review.Reference == "HV 1/23");
        reader.Facets[Facets.Type].Sum(f => f.Count).ShouldBe(reader.Total);
    }

    [Fact]
    public async Task Search_BrowseOldestAndNewest_PagesInTheSameOrderAsTheReviewList()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        await test.AddAsync("south.txt", Some.SouthDigest);
        await test.AddAsync("third.txt", "# Review T1\nSummary: A review whose text gives no year.");

        var newest = await test.Library.SearchAsync(new SearchRequest { Sort = SearchSort.Newest, PageSize = 2, Page = 2 }, Viewer.Anonymous);
        var oldest = await test.Library.SearchAsync(new SearchRequest { Sort = SearchSort.Oldest }, Viewer.Anonymous);
        var list = await test.Library.ListReviewsAsync(Viewer.Anonymous);

        newest.Total.ShouldBe(5);
        newest.Hits.Select(h => h.Review.Id).ShouldBe(list.Skip(2).Take(2).Select(r => r.Id));
        oldest.Hits.Select(h => h.Review.Reference).ShouldBe(["BH", "Case 7", "RR 1/22", "RR 2/22", "T1"]);
    }
}
