using Lantern.Core.Model;
using Lantern.Core.Sensitive;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Tests.Support;
using Lantern.Tests.Shared.Database;

namespace Lantern.Storage.Tests.Library;

public sealed class SensitiveTests
{
    private const string Flagged = "# Review S-1\n- The father (Mark) was not seen; NHS number 943 476 5919.\n";
    private const string Clean = "# Review S-2\n- The mother of Child LR was not asked about her partner.\n";
    private static readonly Viewer Editor = new("ed", Role.Editor);

    private static Task<IngestOutcome> AddAsync(TestLibrary test, string name, string text, Visibility? visibility = null) =>
        test.Library.IngestAsync(name, System.Text.Encoding.UTF8.GetBytes(text), new IngestOptions { Visibility = visibility, Actor = "tester" });

    [Fact]
    public async Task Ingest_FlaggedWithoutAChoice_IsRestrictedAndFindingsAreStored()
    {
        using var test = new TestLibrary();

        var flagged = await AddAsync(test, "flagged.txt", Flagged);
        var clean = await AddAsync(test, "clean.txt", Clean);

        flagged.Visibility.ShouldBe(Visibility.Restricted);
        flagged.SensitiveFindings.ShouldBe(2);
        clean.Visibility.ShouldBe(Visibility.Public);
        (await test.Library.GetDocumentAsync(flagged.DocumentId!.Value, Viewer.Anonymous)).ShouldBeNull();
        var report = (await test.Library.ListSensitiveAsync(Editor)).ShouldHaveSingleItem();
        report.Flagged.ShouldBeTrue();
        report.Findings.Select(f => (f.Kind, f.Text)).ShouldBe([(SensitiveKind.FamilyName, "father (Mark"), (SensitiveKind.NhsNumber, "943 476 5919")]);
        // The findings quote restricted text, so reading them is in the audit trail.
        var audit = await test.Library.GetAuditLogAsync(new Viewer("admin", Role.Admin));
        audit.ShouldContain(e => e.Action == "view-sensitive" && e.Actor == "ed" && e.DocumentId == flagged.DocumentId);
    }

    [Fact]
    public async Task Ingest_FlaggedButExplicitlyPublic_IsPublicAndAudited()
    {
        using var test = new TestLibrary();

        var outcome = await AddAsync(test, "flagged.txt", Flagged, Visibility.Public);

        outcome.Visibility.ShouldBe(Visibility.Public);
        (await test.Library.GetAuditLogAsync(Viewer.LocalOperator)).ShouldContain(a => a.Action == "sensitive-public" && a.DocumentId == outcome.DocumentId);
        (await test.Library.CheckAsync()).Notes!.ShouldContain(n => n.StartsWith("flagged.txt is public with 2 uncleared"));
    }

    [Fact]
    public async Task ListAndClear_ForAReader_ShowNothingAndChangeNothing()
    {
        using var test = new TestLibrary();
        var outcome = await AddAsync(test, "flagged.txt", Flagged, Visibility.Public);
        var reader = new Viewer("r", Role.Reader);

        (await test.Library.ListSensitiveAsync(reader)).ShouldBeEmpty();
        (await test.Library.ClearSensitiveAsync(outcome.DocumentId!.Value, Visibility.Public, reader)).ShouldBeFalse();
        (await test.Library.ListSensitiveAsync(Editor)).ShouldHaveSingleItem().Flagged.ShouldBeTrue();
    }

    [Fact]
    public async Task Clear_ThenReextract_KeepsTheDecisionAndRefreshesFindings()
    {
        using var test = new TestLibrary();
        var outcome = await AddAsync(test, "flagged.txt", Flagged);

        (await test.Library.ClearSensitiveAsync(outcome.DocumentId!.Value, Visibility.Public, Editor)).ShouldBeTrue();
        await test.Library.ReextractAsync(staleOnly: false);

        (await test.Library.GetDocumentAsync(outcome.DocumentId.Value, Viewer.Anonymous)).ShouldNotBeNull();
        var report = (await test.Library.ListSensitiveAsync(Editor)).ShouldHaveSingleItem();
        report.Flagged.ShouldBeFalse();
        report.ClearedBy.ShouldBe("ed");
        report.Findings.Count.ShouldBe(2);
        (await test.Library.GetAuditLogAsync(Viewer.LocalOperator)).ShouldContain(a => a.Action == "sensitive-clear");
        (await test.Library.CheckAsync()).Notes!.ShouldBeEmpty();
    }
}

public sealed class OrphanOriginalTests
{
    [SqliteOnlyFact("stored files are SQLite's; PostgreSQL keeps originals in the database")]
    public async Task Check_OldBlobWithoutARow_IsRemovedAndARecentOneIsKept()
    {
        using var test = new TestLibrary();
        (await test.AddAsync("kept.txt", "# Review K-1\n- Kept learning.\n")).Status.ShouldBe(IngestStatus.Added);
        var folder = Path.Combine(test.Folder, "originals", "ab");
        Directory.CreateDirectory(folder);
        var old = Path.Combine(folder, "ab" + new string('0', 62));
        var recent = Path.Combine(folder, "ab" + new string('1', 62) + ".0123.tmp");
        await File.WriteAllTextAsync(old, "left by a killed import");
        await File.WriteAllTextAsync(recent, "an import in flight");
        // The step clock moves a minute on every reading (imports and audit rows read it), so check on a clock that
        // stands still: the old file is years older than now, the recent one 5 minutes (under the 10-minute limit).
        var now = new DateTimeOffset(2025, 1, 1, 9, 5, 0, TimeSpan.Zero);
        test.Reopen(TestLibrary.Options() with { Clock = new Lantern.Storage.Tests.Dissemination.ManualClock(now) });
        File.SetLastWriteTimeUtc(old, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(recent, now.UtcDateTime.AddMinutes(-5));

        var check = await test.Library.CheckAsync();

        check.Ok.ShouldBeTrue();
        File.Exists(old).ShouldBeFalse();
        File.Exists(recent).ShouldBeTrue();
        check.Notes!.ShouldContain(n => n.StartsWith("removed 1 stored file"));
        check.Notes!.ShouldContain(n => n.StartsWith("1 stored file no record refers to yet"));
    }
}
