using System.Text;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Tests.Support;
using Lantern.Tests.Shared.Database;

namespace Lantern.Storage.Tests.Library;

public class BulkIngestTests
{
    private static IngestFile File(string name, string text) => IngestFile.FromBytes(name, Encoding.UTF8.GetBytes(text));

    private static async Task<List<IngestOutcome>> ImportAsync(TestLibrary test, IEnumerable<IngestFile> files, Visibility? visibility = Visibility.Public)
    {
        var outcomes = new List<IngestOutcome>();
        await foreach (var outcome in test.Library.IngestManyAsync(files, new IngestOptions { Visibility = visibility, Actor = "tester" }))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    private const string StoredRows = """
        SELECT d.file_name || '|' || r.ordinal || '|' || r.review_key || '|' || r.title || '|' || r.record_json || '|' ||
               COALESCE((SELECT string_agg(kind || ':' || code, ',' ORDER BY kind, code) FROM review_labels WHERE review_id = r.id), '') || '|' ||
               COALESCE((SELECT string_agg(kind || ':' || text, ',' ORDER BY kind, ordinal) FROM learning_points WHERE review_id = r.id), '')
        FROM reviews r JOIN documents d ON d.id = r.document_id ORDER BY d.file_name, r.ordinal
        """;

    [Fact]
    public async Task IngestMany_TwoFiles_StoresTheSameRowsAsOneByOneIngest()
    {
        using var bulk = new TestLibrary();
        using var single = new TestLibrary();
        await single.AddAsync("north.txt", Some.NorthBulletin);
        await single.AddAsync("south.txt", Some.SouthDigest);

        var outcomes = await ImportAsync(bulk, [File("north.txt", Some.NorthBulletin), File("south.txt", Some.SouthDigest)]);

        outcomes.Select(o => (o.FileName, o.Status, o.ReviewCount)).OrderBy(o => o.FileName)
            .ShouldBe([("north.txt", IngestStatus.Added, 2), ("south.txt", IngestStatus.Added, 2)]);
        using var b = bulk.Library.OpenConnection();
        using var s = single.Library.OpenConnection();
        b.Query<string>(StoredRows).ShouldBe(s.Query<string>(StoredRows));
        // On PostgreSQL the search columns are generated from the rows: there are no index tables to compare.
        string[] tables = TestStore.UsesPostgres ? ["reviews", "learning_points"] : ["reviews_fts", "learning_fts", "review_words", "learning_points"];
        foreach (var table in tables)
        {
            b.ExecuteScalar<long>($"SELECT count(*) FROM {table}").ShouldBe(s.ExecuteScalar<long>($"SELECT count(*) FROM {table}"), table);
        }

        b.Query<string>("SELECT detail FROM audit_log WHERE action = 'ingest' ORDER BY detail").ShouldBe(
            ["north.txt (Public, 2 reviews, 0 sensitive-data findings)", "south.txt (Public, 2 reviews, 0 sensitive-data findings)"]);
        b.Query<string>("SELECT detail FROM audit_log WHERE action = 'ingest' ORDER BY detail").ShouldBe(
            s.Query<string>("SELECT detail FROM audit_log WHERE action = 'ingest' ORDER BY detail"));
        var found = await bulk.Library.SearchAsync(new SearchRequest { Query = "disguised compliance" }, Viewer.Anonymous);
        found.Hits.Select(h => h.Review.Reference).ShouldBe(["RR 1/22"]);
        var original = await bulk.Library.GetOriginalAsync(outcomes.Single(o => o.FileName == "south.txt").DocumentId!.Value, Viewer.Anonymous);
        original!.Bytes.ShouldBe(Encoding.UTF8.GetBytes(Some.SouthDigest));
    }

    [Fact]
    public async Task IngestMany_OneDocumentCannotBeStored_KeepsTheRestOfTheBatchAndNamesTheFile()
    {
        using var test = new TestLibrary();
        test.Library.BulkFaultInjection = name => { if (name == "broken.txt") throw new IOException("simulated disk fault"); };

        var outcomes = await ImportAsync(test, [File("north.txt", Some.NorthBulletin), File("broken.txt", Some.SouthDigest), File("third.txt", "# Review T1\nSummary: A third review.")]);

        var broken = outcomes.Single(o => o.FileName == "broken.txt");
        broken.Status.ShouldBe(IngestStatus.Rejected);
        broken.Source.ShouldBe("broken.txt");
        broken.Message.ShouldContain("could not be stored");
        broken.Message.ShouldContain("simulated disk fault");
        outcomes.Where(o => o.FileName != "broken.txt").ShouldAllBe(o => o.Status == IngestStatus.Added);
        using var connection = test.Library.OpenConnection();
        connection.Query<string>("SELECT file_name FROM documents ORDER BY file_name").ShouldBe(["north.txt", "third.txt"]);
        connection.ExecuteScalar<long>("SELECT count(*) FROM reviews").ShouldBe(3);
        (await test.Library.SearchAsync(new SearchRequest { Query = "third" }, Viewer.Anonymous)).Total.ShouldBe(1);
    }

    [Fact]
    public async Task IngestMany_DuplicatesUnreadableAndDefectiveFiles_EachReportedWhileOthersAreAdded()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        var unreadable = new IngestFile("folder/locked.txt", _ => throw new UnauthorizedAccessException("access denied"));

        var outcomes = await ImportAsync(test, [
            File("again-north.txt", Some.NorthBulletin), File("south.txt", Some.SouthDigest), File("south-copy.txt", Some.SouthDigest),
            unreadable, File("bad.txt", "# Review X1\nSummary: BOOM"), File("empty.txt", "  \n")]);

        outcomes.Count.ShouldBe(6);
        outcomes.Single(o => o.FileName == "again-north.txt").Status.ShouldBe(IngestStatus.AlreadyPresent);
        outcomes.Where(o => o.FileName.StartsWith("south", StringComparison.Ordinal)).Select(o => o.Status).Order()
            .ShouldBe([IngestStatus.Added, IngestStatus.AlreadyPresent]);
        var locked = outcomes.Single(o => o.FileName == "locked.txt");
        (locked.Status, locked.Source, locked.Message).ShouldBe((IngestStatus.Rejected, "folder/locked.txt", "access denied"));
        outcomes.Single(o => o.FileName == "bad.txt").Message.ShouldContain("a defective extractor");
        outcomes.Single(o => o.FileName == "empty.txt").Status.ShouldBe(IngestStatus.Rejected);
        (await test.Library.GetOverviewAsync(Viewer.LocalOperator)).DocumentCount.ShouldBe(2);
    }

    [Fact]
    public async Task IngestMany_Restricted_IsNeitherFoundNorCountedForReaders()
    {
        using var test = new TestLibrary();
        await test.AddAsync("south.txt", Some.SouthDigest);

        await ImportAsync(test, [File("north.txt", Some.NorthBulletin)], Visibility.Restricted);

        var reader = await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous);
        reader.Total.ShouldBe(1);
        reader.Facets[Facets.Harm].ShouldNotContain(v => v.Value == "neglect" && v.Count > 1);
        var editor = await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.LocalOperator);
        editor.Total.ShouldBe(2);
    }

    [Fact]
    public async Task IngestMany_ManyFiles_AllAddedAcrossSeveralBatches()
    {
        using var test = new TestLibrary();
        var files = Enumerable.Range(0, 450).Select(i => File($"r{i}.txt", $"# Review N{i}\nYear: 2021\nSummary: Review number {i} about neglect."));

        var outcomes = await ImportAsync(test, files);

        outcomes.Count(o => o.Status == IngestStatus.Added).ShouldBe(450);
        outcomes.Select(o => o.DocumentId).Distinct().Count().ShouldBe(450);
        (await test.Library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous)).Total.ShouldBe(450);
    }

    private const string Flagged = "# Review S-1\n- The father (Mark) was not seen; NHS number 943 476 5919.\n";

    [Fact]
    public async Task IngestMany_FlaggedWithoutAChoice_IsRestrictedWithFindingsAsASingleIngest()
    {
        using var bulk = new TestLibrary();
        using var single = new TestLibrary();
        var alone = await single.Library.IngestAsync("flagged.txt", Encoding.UTF8.GetBytes(Flagged), new IngestOptions { Actor = "tester" });

        var outcomes = await ImportAsync(bulk, [File("flagged.txt", Flagged), File("north.txt", Some.NorthBulletin)], visibility: null);

        var flagged = outcomes.Single(o => o.FileName == "flagged.txt");
        (flagged.Status, flagged.Visibility, flagged.SensitiveFindings).ShouldBe((IngestStatus.Added, Visibility.Restricted, 2));
        (flagged.Visibility, flagged.SensitiveFindings).ShouldBe((alone.Visibility, alone.SensitiveFindings));
        outcomes.Single(o => o.FileName == "north.txt").Visibility.ShouldBe(Visibility.Public);
        (await bulk.Library.GetDocumentAsync(flagged.DocumentId!.Value, Viewer.Anonymous)).ShouldBeNull();
        var report = (await bulk.Library.ListSensitiveAsync(Viewer.LocalOperator)).ShouldHaveSingleItem();
        report.Flagged.ShouldBeTrue();
        var expected = (await single.Library.ListSensitiveAsync(Viewer.LocalOperator)).Single().Findings.Select(f => (f.Kind, f.Text));
        report.Findings.Select(f => (f.Kind, f.Text)).ShouldBe(expected);
        (await bulk.Library.GetAuditLogAsync(Viewer.LocalOperator)).ShouldNotContain(a => a.Action == "sensitive-public");
    }

    [Fact]
    public async Task IngestMany_FlaggedButExplicitlyPublic_IsPublicAndAudited()
    {
        using var test = new TestLibrary();

        var outcome = (await ImportAsync(test, [File("flagged.txt", Flagged)], Visibility.Public)).Single();

        (outcome.Visibility, outcome.SensitiveFindings).ShouldBe((Visibility.Public, 2));
        var audit = await test.Library.GetAuditLogAsync(Viewer.LocalOperator);
        audit.ShouldContain(a => a.Action == "sensitive-public" && a.DocumentId == outcome.DocumentId);
        audit.ShouldContain(a => a.Action == "ingest" && a.DocumentId == outcome.DocumentId && a.Detail!.Contains("2 sensitive-data findings"));
        (await test.Library.CheckAsync()).Notes!.ShouldContain(n => n.StartsWith("flagged.txt is public with 2 uncleared"));
    }
}
