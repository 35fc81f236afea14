using System.Text;
using Dapper;
using Lantern.Core.Analysis.Agreement;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Storage.Tests.Dissemination;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Library;

/// <summary>
/// The read cache keeps an answer for as long as the library is unchanged: a write through the same library is seen at
/// once, a write by another process once the change counter is re-read (at most every ReadCacheLifetime), and an
/// unchanged library is never worked out again just because time has passed.
/// </summary>
public class ReadCacheTests
{
    private static readonly Viewer Editor = new("editor", Role.Editor);
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(250);

    private static LanternLibraryOptions Cached(ManualClock clock) =>
        TestLibrary.Options() with { Clock = clock, ReadCacheLifetime = Recheck };

    [Fact]
    public async Task Search_LibraryUnchanged_ReusesTheAnswerHoweverLongAgoItWasWorkedOut()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        test.Reopen(Cached(clock));

        var first = await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous);
        clock.Advance(TimeSpan.FromMinutes(30));
        var again = await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous);

        again.ShouldBeSameAs(first);
        (await test.Library.GetOverviewAsync(Viewer.Anonymous)).ShouldBeSameAs(await test.Library.GetOverviewAsync(Viewer.Anonymous));
    }

    [Fact]
    public async Task Search_AnotherProcessWrites_ShowsOnceTheChangeCounterIsReadAgain()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        test.Reopen(Cached(clock));
        (await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous)).Total.ShouldBe(1);
        (await test.Library.GetOverviewAsync(Viewer.Anonymous)).DocumentCount.ShouldBe(1);

        using (var other = LanternLibrary.Open(test.Location, TestLibrary.Options()))
        {
            (await other.IngestAsync("south.txt", Encoding.UTF8.GetBytes(Some.SouthDigest), new IngestOptions())).Status.ShouldBe(IngestStatus.Added);
        }

        // Within the recheck interval the counter is not read again (that is the bound on how stale an answer can be).
        (await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous)).Total.ShouldBe(1);

        clock.Advance(Recheck);
        (await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous)).Total.ShouldBe(2);
        (await test.Library.GetOverviewAsync(Viewer.Anonymous)).DocumentCount.ShouldBe(2);
    }

    [Fact]
    public async Task Search_WriteThroughTheSameLibrary_ShowsAtOnce()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        using var test = new TestLibrary();
        test.Reopen(Cached(clock));
        await test.AddAsync("north.txt", Some.NorthBulletin);
        (await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous)).Total.ShouldBe(1);

        await test.AddAsync("south.txt", Some.SouthDigest);

        (await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous)).Total.ShouldBe(2);
    }

    [Fact]
    public async Task Overview_AfterCodingDecisions_CountsThemesAsTheEffectiveThemesViewDoes()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        await test.AddAsync("south.txt", Some.SouthDigest);
        await test.AddAsync("hidden.txt", Some.NorthBulletin.Replace("RR 1/22", "RR 9/22", StringComparison.Ordinal), Visibility.Restricted);
        var review = (await test.Library.FindReviewAsync("RR 1/22", Editor))!.Summary.Id;
        await test.Library.RecordCodingDecisionAsync(review, "information-sharing", CodingVerdict.Rejected, Editor);
        await test.Library.RecordCodingDecisionAsync(review, "supervision-and-support", CodingVerdict.Added, Editor);
        await test.Library.RecordCodingDecisionAsync(review, "disguised-compliance", CodingVerdict.Confirmed, Editor);

        foreach (var (viewer, condition) in new[] { (Viewer.Anonymous, $"d.visibility = {(int)Visibility.Public}"), (Editor, "1 = 1") })
        {
            using var connection = test.Library.OpenConnection();
            var expected = connection.Query<(string Code, long Count)>(
                $"SELECT t.code, count(*) FROM effective_themes t JOIN reviews r ON r.id = t.review_id JOIN documents d ON d.id = r.document_id WHERE {condition} GROUP BY t.code")
                .Select(t => new FacetValue(t.Code, (int)t.Count))
                .OrderByDescending(t => t.Count).ThenBy(t => t.Value, StringComparer.Ordinal).ToList();
            var overview = await test.Library.GetOverviewAsync(viewer);
            overview.Themes.ShouldBe(expected);
            overview.Themes.ShouldContain(new FacetValue("supervision-and-support", 1));
            (await test.Library.SearchAsync(new SearchRequest(), viewer)).Facets[Facets.Theme].ShouldBe(expected, ignoreOrder: true);
        }
    }
}
