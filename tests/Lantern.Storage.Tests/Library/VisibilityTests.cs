using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Library;

/// <summary>A restricted document never reaches, nor is counted for, someone who may not see it.</summary>
public sealed class VisibilityTests : IAsyncLifetime, IDisposable
{
    private static readonly Viewer Reader = new("reader", Role.Reader);
    private static readonly Viewer Editor = new("editor", Role.Editor);
    private readonly TestLibrary _test = new();
    private long _restrictedDocument;
    private long _restrictedReview;

    public async Task InitializeAsync()
    {
        await _test.AddAsync("north.txt", Some.NorthBulletin);
        var restricted = await _test.AddAsync("hidden.txt", Some.RestrictedReview, Visibility.Restricted);
        _restrictedDocument = restricted.DocumentId!.Value;
        _restrictedReview = (await _test.Library.FindReviewAsync("HV 9", Editor))!.Summary.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    public static TheoryData<string> Unprivileged => new() { "anonymous", "reader" };

    private static Viewer For(string who) => who == "reader" ? Reader : Viewer.Anonymous;

    [Theory]
    [MemberData(nameof(Unprivileged))]
    public async Task Search_RestrictedDocument_IsNotInHitsFacetsOrTotals(string who)
    {
        var unique = await _test.Library.SearchAsync(new SearchRequest { Query = "zebrafinch" }, For(who));
        var shared = await _test.Library.SearchAsync(new SearchRequest { Query = "\"disguised compliance\"" }, For(who));
        var browse = await _test.Library.SearchAsync(new SearchRequest(), For(who));
        var points = await _test.Library.SearchAsync(new SearchRequest { Query = "zebrafinch", Scope = SearchScope.LearningPoints }, For(who));

        unique.Total.ShouldBe(0);
        unique.Hits.ShouldBeEmpty();
        points.Total.ShouldBe(0);
        shared.Total.ShouldBe(1);
        shared.Hits.ShouldAllBe(h => h.Review.Visibility == Visibility.Public);
        browse.Total.ShouldBe(2);
        browse.Facets.Values.SelectMany(v => v).ShouldNotContain(f => f.Value == "sexual-exploitation" || f.Value == "lcspr" || f.Value == "2023" || f.Value == "Hidden Valley Partnership");
        browse.Facets[Facets.Theme].Single(f => f.Value == "information-sharing").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Search_Editor_SeesRestrictedDocument()
    {
        var results = await _test.Library.SearchAsync(new SearchRequest { Query = "zebrafinch" }, Editor);

        results.Total.ShouldBe(1);
        results.Hits[0].Review.Visibility.ShouldBe(Visibility.Restricted);
    }

    [Theory]
    [MemberData(nameof(Unprivileged))]
    public async Task Reads_RestrictedDocument_AreHiddenFromEveryPath(string who)
    {
        var viewer = For(who);
        (await _test.Library.GetReviewAsync(_restrictedReview, viewer)).ShouldBeNull();
        (await _test.Library.FindReviewAsync("HV 9", viewer)).ShouldBeNull();
        (await _test.Library.FindReviewAsync(_restrictedReview.ToString(), viewer)).ShouldBeNull();
        (await _test.Library.GetDocumentAsync(_restrictedDocument, viewer)).ShouldBeNull();
        (await _test.Library.GetOriginalAsync(_restrictedDocument, viewer)).ShouldBeNull();
        (await _test.Library.GetCodingAsync(_restrictedReview, viewer)).ShouldBeNull();
        (await _test.Library.MoreLikeThisAsync(_restrictedReview, viewer)).ShouldBeEmpty();
        (await _test.Library.ListReviewsAsync(viewer)).ShouldNotContain(r => r.Id == _restrictedReview);
        (await _test.Library.ListDocumentsAsync(viewer)).ShouldNotContain(d => d.Id == _restrictedDocument);

        var overview = await _test.Library.GetOverviewAsync(viewer);
        overview.DocumentCount.ShouldBe(1);
        overview.ReviewCount.ShouldBe(2);
        overview.LearningPointCount.ShouldBe(4);
        overview.Themes.ShouldNotContain(t => t.Value == "exploitation");
        overview.Themes.Single(t => t.Value == "information-sharing").Count.ShouldBe(1);

        var exported = new List<DocumentExport>();
        await foreach (var export in _test.Library.ExportAsync(viewer))
        {
            exported.Add(export);
        }

        exported.Select(e => e.Document.FileName).ShouldBe(["north.txt"]);
    }

    [Theory]
    [MemberData(nameof(Unprivileged))]
    public async Task MoreLikeThis_NeverSuggestsARestrictedReview(string who)
    {
        var source = await _test.Library.FindReviewAsync("RR 1/22", For(who));

        var similar = await _test.Library.MoreLikeThisAsync(source!.Summary.Id, For(who), take: 10);

        similar.ShouldNotContain(s => s.Id == _restrictedReview);
        (await _test.Library.MoreLikeThisAsync(source.Summary.Id, Editor, take: 10)).ShouldContain(s => s.Id == _restrictedReview);
    }
}
