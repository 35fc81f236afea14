using System.Security.Cryptography;
using System.Text;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Library;

public class IngestTests
{
    [Fact]
    public async Task Ingest_NewFile_StoresDocumentReviewsAndOriginal()
    {
        using var test = new TestLibrary();

        var outcome = await test.AddAsync("north.txt", Some.NorthBulletin);

        outcome.Status.ShouldBe(IngestStatus.Added);
        outcome.ReviewCount.ShouldBe(2);
        var document = await test.Library.GetDocumentAsync(outcome.DocumentId!.Value, Viewer.Anonymous);
        document.ShouldNotBeNull();
        document.Summary.Publisher.ShouldBe("Northshire Safeguarding Children Partnership");
        document.Reviews.Select(r => r.Reference).ShouldBe(["RR 1/22", "RR 2/22"]);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Some.NorthBulletin)));
        test.HasOriginal(sha).ShouldBeTrue();
        var original = await test.Library.GetOriginalAsync(outcome.DocumentId.Value, Viewer.Anonymous);
        original!.Bytes.ShouldBe(Encoding.UTF8.GetBytes(Some.NorthBulletin));
    }

    [Fact]
    public async Task Ingest_SameBytesTwice_ReportsAlreadyPresentAndStoresOnce()
    {
        using var test = new TestLibrary();
        var first = await test.AddAsync("north.txt", Some.NorthBulletin);

        var second = await test.AddAsync("copy-of-north.txt", Some.NorthBulletin);

        second.Status.ShouldBe(IngestStatus.AlreadyPresent);
        second.DocumentId.ShouldBe(first.DocumentId);
        (await test.Library.GetOverviewAsync(Viewer.LocalOperator)).DocumentCount.ShouldBe(1);
    }

    [Fact]
    public async Task Ingest_EmptyFile_IsRejectedWithAReason()
    {
        using var test = new TestLibrary();

        var outcome = await test.AddAsync("empty.txt", "   \n");

        outcome.Status.ShouldBe(IngestStatus.Rejected);
        outcome.Message.ShouldNotBeNullOrWhiteSpace();
        (await test.Library.GetOverviewAsync(Viewer.LocalOperator)).DocumentCount.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_ExtractorThrows_RejectsOnlyThatFile()
    {
        using var test = new TestLibrary();

        var bad = await test.AddAsync("bad.txt", "# Review X1\nSummary: BOOM");
        var good = await test.AddAsync("north.txt", Some.NorthBulletin);

        bad.Status.ShouldBe(IngestStatus.Rejected);
        bad.Message.ShouldContain("a defective extractor");
        good.Status.ShouldBe(IngestStatus.Added);
        (await test.Library.GetOverviewAsync(Viewer.LocalOperator)).DocumentCount.ShouldBe(1);
    }

    [Theory]
    [InlineData("document-saved")]
    [InlineData("reviews-saved")]
    [InlineData("before-commit")]
    public async Task Ingest_FailureMidway_LeavesLibraryAsBefore(string failAt)
    {
        using var test = new TestLibrary();
        await test.AddAsync("south.txt", Some.SouthDigest);
        test.Library.FaultInjection = point => { if (point == failAt) throw new IOException("simulated crash"); };

        await Should.ThrowAsync<IOException>(() => test.AddAsync("north.txt", Some.NorthBulletin));

        test.Library.FaultInjection = null;
        using (var connection = test.Library.OpenConnection())
        {
            connection.ExecuteScalar<long>("SELECT count(*) FROM documents").ShouldBe(1);
            connection.ExecuteScalar<long>("SELECT count(*) FROM reviews").ShouldBe(2);
            connection.ExecuteScalar<long>("SELECT count(*) FROM learning_points").ShouldBe(3);
            if (test.Location.Provider == DatabaseProvider.Sqlite)
            {
                // PostgreSQL's search columns are generated from their rows; SQLite's FTS5 tables are written beside them.
                connection.ExecuteScalar<long>("SELECT count(*) FROM reviews_fts").ShouldBe(2);
                connection.ExecuteScalar<long>("SELECT count(*) FROM learning_fts").ShouldBe(3);
            }
        }

        var retry = await test.AddAsync("north.txt", Some.NorthBulletin);
        retry.Status.ShouldBe(IngestStatus.Added);
        retry.ReviewCount.ShouldBe(2);
    }

    [Fact]
    public async Task GetReview_RoundTripsEvidence()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);

        var detail = await test.Library.FindReviewAsync("rr 1/22", Viewer.Anonymous);

        detail.ShouldNotBeNull();
        detail.Review.Year!.Value.ShouldBe(2022);
        detail.Review.Year.Spans[0].Slice(detail.DocumentText).ShouldBe("2022");
        detail.Review.Learning.Count.ShouldBe(2);
        detail.Review.Learning[0].Span.Slice(detail.DocumentText).ShouldStartWith("Practitioners should recognise");
        detail.Summary.Themes.ShouldBe(["disguised-compliance", "information-sharing"]);
        (await test.Library.FindReviewAsync("Child H", Viewer.Anonymous))!.Summary.Id.ShouldBe(detail.Summary.Id);
        (await test.Library.FindReviewAsync("RR1/22", Viewer.Anonymous))!.Summary.Id.ShouldBe(detail.Summary.Id);
        (await test.Library.FindReviewAsync(detail.Summary.Id.ToString(), Viewer.Anonymous))!.Summary.Reference.ShouldBe("RR 1/22");
    }
}

public class ConcurrentIngestTests
{
    [Fact]
    public async Task Ingest_SameFileFromManyTasksAtOnce_IsAddedExactlyOnce()
    {
        using var test = new TestLibrary();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => test.AddAsync("north.txt", Some.NorthBulletin))));

        outcomes.Count(o => o.Status == IngestStatus.Added).ShouldBe(1);
        outcomes.Count(o => o.Status == IngestStatus.AlreadyPresent).ShouldBe(5);
        (await test.Library.GetOverviewAsync(Viewer.LocalOperator)).ReviewCount.ShouldBe(2);
    }

    [Fact]
    public async Task Ingest_DifferentFilesAtOnce_AreAllStoredAndIndexed()
    {
        using var test = new TestLibrary();

        await Task.WhenAll(
            Task.Run(() => test.AddAsync("north.txt", Some.NorthBulletin)),
            Task.Run(() => test.AddAsync("south.txt", Some.SouthDigest)),
            Task.Run(() => test.AddAsync("hidden.txt", Some.RestrictedReview, Visibility.Restricted)));

        (await test.Library.CheckAsync()).Problems.ShouldBeEmpty();
        (await test.Library.GetOverviewAsync(Viewer.LocalOperator)).ReviewCount.ShouldBe(5);
    }
}
