using Lantern.Core.Analysis.Agreement;
using Lantern.Core.Model;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Library;

public class AuditTests
{
    private static readonly Viewer Editor = new("eve", Role.Editor);
    private static readonly Viewer Admin = new("ada", Role.Admin);

    [Fact]
    public async Task Audit_RecordsImportsCodingAndRestrictedViewsButNotPublicViews()
    {
        using var test = new TestLibrary();
        var open = await test.AddAsync("north.txt", Some.NorthBulletin);
        var hidden = await test.AddAsync("hidden.txt", Some.RestrictedReview, Visibility.Restricted);
        var publicReview = (await test.Library.FindReviewAsync("RR 1/22", Editor))!.Summary.Id;
        var restrictedReview = (await test.Library.FindReviewAsync("HV 9", Editor))!.Summary.Id;
        await test.Library.GetOriginalAsync(hidden.DocumentId!.Value, Editor);
        await test.Library.GetOriginalAsync(open.DocumentId!.Value, Editor);
        await test.Library.RecordCodingDecisionAsync(publicReview, "recording", CodingVerdict.Added, Editor);

        var log = await test.Library.GetAuditLogAsync(Admin);

        log.Count(e => e.Action == "ingest").ShouldBe(2);
        log.ShouldContain(e => e.Action == "view-review" && e.ReviewId == restrictedReview && e.Actor == "eve");
        log.ShouldNotContain(e => e.Action == "view-review" && e.ReviewId == publicReview);
        log.ShouldContain(e => e.Action == "download-original" && e.DocumentId == hidden.DocumentId);
        log.ShouldNotContain(e => e.Action == "download-original" && e.DocumentId == open.DocumentId);
        log.ShouldContain(e => e.Action == "code" && e.ReviewId == publicReview);
        (await test.Library.GetAuditLogAsync(Editor)).ShouldBeEmpty();
    }
}
