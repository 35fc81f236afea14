using Dapper;
using Lantern.Core.Analysis.Agreement;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Library;

public class CodingTests
{
    private static readonly Viewer Editor = new("editor", Role.Editor);

    [Fact]
    public async Task RecordDecision_RejectAndAdd_ChangeTheEffectiveThemesAndFacets()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        var review = (await test.Library.FindReviewAsync("RR 1/22", Editor))!.Summary.Id;
        // Searched once before coding, so a cached answer would show the old themes.
        (await test.Library.SearchAsync(new SearchRequest(), Editor)).Facets[Facets.Theme].ShouldContain(f => f.Value == "information-sharing");

        (await test.Library.RecordCodingDecisionAsync(review, "information-sharing", CodingVerdict.Rejected, Editor, note: "not supported")).Stored.ShouldBeTrue();
        (await test.Library.RecordCodingDecisionAsync(review, "supervision-and-support", CodingVerdict.Added, Editor, coder: "Sam")).Stored.ShouldBeTrue();

        var coding = await test.Library.GetCodingAsync(review, Editor);
        coding!.AutomaticThemes.ShouldBe(["disguised-compliance", "information-sharing"]);
        coding.Decisions.Select(d => d.Coder).ShouldBe(["editor", "Sam"]);
        coding.Effective.Select(e => e.ThemeCode).ShouldBe(["disguised-compliance", "supervision-and-support"]);
        (await test.Library.GetReviewAsync(review, Editor))!.Summary.Themes.ShouldBe(["disguised-compliance", "supervision-and-support"]);
        var facets = (await test.Library.SearchAsync(new SearchRequest(), Editor)).Facets[Facets.Theme];
        facets.ShouldNotContain(f => f.Value == "information-sharing");
        facets.ShouldContain(new FacetValue("supervision-and-support", 1));
    }

    [Fact]
    public async Task RecordDecision_ByReaderOrForUnknownTheme_IsRefused()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        var review = (await test.Library.FindReviewAsync("RR 1/22", Editor))!.Summary.Id;

        (await test.Library.RecordCodingDecisionAsync(review, "supervision-and-support", CodingVerdict.Added, new Viewer("r", Role.Reader))).Stored.ShouldBeFalse();
        (await test.Library.RecordCodingDecisionAsync(review, "no-such-theme", CodingVerdict.Added, Editor)).Stored.ShouldBeFalse();
        (await test.Library.RecordCodingDecisionAsync(987654, "supervision-and-support", CodingVerdict.Added, Editor)).Stored.ShouldBeFalse();
    }

    [Fact]
    public async Task Reextract_KeepsHumanDecisions()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        var before = (await test.Library.FindReviewAsync("RR 1/22", Editor))!.Summary.Id;
        await test.Library.RecordCodingDecisionAsync(before, "supervision-and-support", CodingVerdict.Added, Editor);
        await test.Library.RecordCodingDecisionAsync(before, "information-sharing", CodingVerdict.Rejected, Editor);

        var summary = await test.Library.ReextractAsync(staleOnly: false);

        summary.Documents.ShouldBe(1);
        summary.Reviews.ShouldBe(2);
        var after = (await test.Library.FindReviewAsync("RR 1/22", Editor))!;
        after.Summary.Themes.ShouldBe(["disguised-compliance", "supervision-and-support"]);
        (await test.Library.GetCodingAsync(after.Summary.Id, Editor))!.Decisions.Count.ShouldBe(2);
        (await test.Library.CheckAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reextract_Stale_OnlyRedoesDocumentsFromAnotherExtractorVersion()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        await test.AddAsync("south.txt", Some.SouthDigest);
        using (var connection = test.Library.OpenConnection())
        {
            connection.Execute("UPDATE reviews SET extractor_version = '0.0.1' WHERE document_id = (SELECT id FROM documents WHERE file_name = 'south.txt')");
        }

        var summary = await test.Library.ReextractAsync(staleOnly: true);

        summary.Documents.ShouldBe(1);
        (await test.Library.ReextractAsync(staleOnly: true)).Documents.ShouldBe(0);
        (await test.Library.SearchAsync(new SearchRequest { Query = "toddler" }, Viewer.Anonymous)).Total.ShouldBe(1);
    }
}

public class ReextractFailureTests
{
    [Fact]
    public async Task Reextract_FailureBeforeCommit_KeepsThePreviousRecords()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        var before = await test.Library.SearchAsync(new Lantern.Storage.Abstractions.SearchRequest(), Lantern.Core.Model.Viewer.Anonymous);
        test.Library.FaultInjection = point => { if (point == "before-commit") throw new IOException("simulated crash"); };

        await Should.ThrowAsync<IOException>(() => test.Library.ReextractAsync(staleOnly: false));

        test.Library.FaultInjection = null;
        var after = await test.Library.SearchAsync(new Lantern.Storage.Abstractions.SearchRequest(), Lantern.Core.Model.Viewer.Anonymous);
        after.Hits.Select(h => h.Review.Id).ShouldBe(before.Hits.Select(h => h.Review.Id));
        (await test.Library.CheckAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reextract_MissingOriginal_SkipsTheDocumentAndKeepsItsRecords()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        test.DeleteOnlyOriginal();

        var summary = await test.Library.ReextractAsync(staleOnly: false);

        summary.Skipped.ShouldBe(1);
        summary.Problems.Single().ShouldContain("north.txt");
        (await test.Library.GetOverviewAsync(Lantern.Core.Model.Viewer.Anonymous)).ReviewCount.ShouldBe(2);
    }
}
