using System.Text;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Actions;
using Lantern.Storage.Library;
using Lantern.Storage.Tests.Support;

namespace Lantern.Storage.Tests.Actions;

public class TrackedActionTests
{
    private static readonly Viewer Alex = new("alex", Role.Editor);
    private static readonly Viewer Sam = new("sam", Role.Editor);
    private static readonly Viewer Reader = new("reader", Role.Reader);

    private const string WithActions = """
        Publisher: Eastshire Safeguarding Children Partnership
        # Review LCSPR 7/23
        Type: lcspr
        Year: 2023
        Summary: A baby was injured.
        - Agencies did not share what they knew.
        Action: The partnership will audit pre-birth assessments.
        Action: Health will update the bruising protocol.
        """;

    private const string RestrictedWithActions = """
        Publisher: Westshire Safeguarding Children Partnership
        # Review RR 9/24
        Type: rapid-review
        Year: 2024
        Summary: A child was hurt.
        Action: Police will review the referral pathway.
        """;

    [Fact]
    public async Task Import_ExtractedActions_TracksEachOnceWhenRepeated()
    {
        using var test = new TestLibrary();
        await test.AddAsync("east.txt", WithActions);
        var review = (await test.Library.FindReviewAsync("LCSPR 7/23", Alex))!.Summary.Id;

        var first = await test.Library.ImportActionsAsync(review, Alex);
        var second = await test.Library.ImportActionsAsync(review, Alex);

        first.Added.ShouldBe(2);
        second.Added.ShouldBe(0);
        second.AlreadyTracked.ShouldBe(2);
        var actions = await test.Library.ListActionsAsync(new ActionFilter { ReviewId = review }, Alex);
        actions.Select(a => a.Text).ShouldBe(["The partnership will audit pre-birth assessments.", "Health will update the bruising protocol."], ignoreOrder: true);
        actions.ShouldAllBe(a => a.Status == ActionStatus.Open && a.Version == 1 && a.ReviewReference == "LCSPR 7/23");
    }

    [Fact]
    public async Task Update_EveryChange_IsInTheHistoryWithWhoAndWhen()
    {
        using var test = new TestLibrary();
        var id = await OneActionAsync(test);

        (await test.Library.UpdateActionAsync(id, new ActionChange(1) { Status = ActionStatus.InProgress, Lead = "Jo Bloggs" }, Alex)).Stored.ShouldBeTrue();
        (await test.Library.UpdateActionAsync(id, new ActionChange(2) { Status = ActionStatus.Done, Evidence = "Audit report to board, May" }, Sam)).Stored.ShouldBeTrue();

        var history = await test.Library.GetActionHistoryAsync(id, Alex);
        history.Select(h => (h.Field, h.Actor, h.OldValue, h.NewValue)).ShouldBe(
        [
            ("created", "alex", null, "Review the referral pathway"),
            ("status", "alex", "open", "in-progress"),
            ("lead", "alex", null, "Jo Bloggs"),
            ("status", "sam", "in-progress", "done"),
            ("evidence", "sam", null, "Audit report to board, May"),
        ]);
        history.Select(h => h.At).ShouldBeInOrder();
        history.Select(h => h.Version).ShouldBe([1, 2, 2, 3, 3]);
        var action = (await test.Library.GetActionAsync(id, Alex))!;
        action.Version.ShouldBe(3);
        action.UpdatedBy.ShouldBe("sam");
    }

    [Fact]
    public async Task AddImportAndEdit_AreWrittenToTheAuditLog_WithWhoAndWhat()
    {
        using var test = new TestLibrary();
        await test.AddAsync("east.txt", WithActions);
        var review = (await test.Library.FindReviewAsync("LCSPR 7/23", Alex))!.Summary.Id;
        (await test.Library.ImportActionsAsync(review, Alex)).Added.ShouldBe(2);
        var added = await test.Library.AddActionAsync(review, new NewAction("Schools will brief staff."), Sam);
        (await test.Library.UpdateActionAsync(added.Action!.Id, new ActionChange(1) { Status = ActionStatus.Done }, Alex)).Stored.ShouldBeTrue();
        (await test.Library.UpdateActionAsync(added.Action.Id, new ActionChange(2) { Status = ActionStatus.Done }, Alex)).Stored.ShouldBeTrue(); // nothing changed

        var log = await test.Library.GetAuditLogAsync(Viewer.LocalOperator, new AuditQuery { Take = 100 });

        log.ShouldContain(e => e.Action == "action-import" && e.Actor == "alex" && e.ReviewId == review);
        log.ShouldContain(e => e.Action == "action-add" && e.Actor == "sam" && e.Detail == $"action {added.Action.Id}");
        log.Where(e => e.Action == "action-edit").ShouldHaveSingleItem().Detail.ShouldBe($"action {added.Action.Id} version 2: status");
    }

    [Fact]
    public async Task History_CannotBeRewritten()
    {
        using var test = new TestLibrary();
        await OneActionAsync(test);
        using var connection = test.Library.OpenConnection();

        Should.Throw<System.Data.Common.DbException>(() => connection.Execute("UPDATE action_history SET actor = 'someone else'"));
        Should.Throw<System.Data.Common.DbException>(() => connection.Execute("DELETE FROM action_history"));
    }

    [Fact]
    public async Task Update_TwoEditsFromTheSameVersion_SecondFailsNamingTheFirstEditorAndFirstIsKept()
    {
        using var test = new TestLibrary();
        var id = await OneActionAsync(test);

        var first = await test.Library.UpdateActionAsync(id, new ActionChange(1) { Due = new DateOnly(2025, 6, 30) }, Alex);
        var second = await test.Library.UpdateActionAsync(id, new ActionChange(1) { Due = new DateOnly(2025, 9, 30) }, Sam);

        first.Stored.ShouldBeTrue();
        second.Stored.ShouldBeFalse();
        second.Conflict.ShouldBeTrue();
        second.Message.ShouldContain("changed by alex at");
        second.Message.ShouldContain("reload and try again");
        var kept = (await test.Library.GetActionAsync(id, Sam))!;
        kept.Due.ShouldBe(new DateOnly(2025, 6, 30));
        kept.Version.ShouldBe(2);
        (await test.Library.GetActionHistoryAsync(id, Sam)).ShouldNotContain(h => h.Actor == "sam");
    }

    [Fact]
    public async Task Overdue_IsJudgedByTheLibraryClock_AndExcludesDoneAndDropped()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero));
        using var test = new TestLibrary();
        test.Reopen(TestLibrary.Options() with { Clock = clock });
        await test.AddAsync("east.txt", WithActions);
        var review = (await test.Library.FindReviewAsync("LCSPR 7/23", Alex))!.Summary.Id;
        var late = (await test.Library.AddActionAsync(review, new NewAction("Late", Due: new DateOnly(2025, 3, 9)), Alex)).Action!.Id;
        await test.Library.AddActionAsync(review, new NewAction("Due today", Due: new DateOnly(2025, 3, 10)), Alex);
        var lateButDone = (await test.Library.AddActionAsync(review, new NewAction("Late but done", Due: new DateOnly(2025, 1, 1)), Alex)).Action!.Id;
        await test.Library.UpdateActionAsync(lateButDone, new ActionChange(1) { Status = ActionStatus.Done }, Alex);
        await test.Library.AddActionAsync(review, new NewAction("No date"), Alex);

        var overdue = await test.Library.ListActionsAsync(new ActionFilter { OverdueOnly = true }, Alex);

        overdue.Select(a => a.Id).ShouldBe([late]);
        (await test.Library.GetActionAsync(late, Alex))!.IsOverdue.ShouldBeTrue();
        (await test.Library.ListActionsAsync(new ActionFilter { OpenOnly = true }, Alex)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Filters_ByAgencyAndStatus_MatchOnlyThose()
    {
        using var test = new TestLibrary();
        await test.AddAsync("east.txt", WithActions);
        var review = (await test.Library.FindReviewAsync("LCSPR 7/23", Alex))!.Summary.Id;
        var police = (await test.Library.AddActionAsync(review, new NewAction("Police action", Agency: "Police"), Alex)).Action!.Id;
        await test.Library.AddActionAsync(review, new NewAction("Health action", Agency: "Health"), Alex);

        (await test.Library.ListActionsAsync(new ActionFilter { Agency = "police" }, Alex)).Select(a => a.Id).ShouldBe([police]);
        await test.Library.UpdateActionAsync(police, new ActionChange(1) { Status = ActionStatus.Dropped }, Alex);
        (await test.Library.ListActionsAsync(new ActionFilter { Status = ActionStatus.Dropped }, Alex)).Select(a => a.Id).ShouldBe([police]);
    }

    [Fact]
    public async Task ActionsOfARestrictedReview_AreHiddenFromViewersWhoCannotSeeIt()
    {
        using var test = new TestLibrary();
        await test.AddAsync("east.txt", WithActions);
        await test.AddAsync("west.txt", RestrictedWithActions, Visibility.Restricted);
        foreach (var reference in new[] { "LCSPR 7/23", "RR 9/24" })
        {
            await test.Library.ImportActionsAsync((await test.Library.FindReviewAsync(reference, Alex))!.Summary.Id, Alex);
        }

        var all = await test.Library.ListActionsAsync(new ActionFilter(), Alex);
        var restricted = all.Single(a => a.ReviewReference == "RR 9/24");

        all.Count.ShouldBe(3);
        (await test.Library.ListActionsAsync(new ActionFilter(), Reader)).Select(a => a.ReviewReference).ShouldBe(["LCSPR 7/23", "LCSPR 7/23"]);
        (await test.Library.ListActionsAsync(new ActionFilter(), Viewer.Anonymous)).ShouldNotContain(a => a.ReviewReference == "RR 9/24");
        (await test.Library.GetActionAsync(restricted.Id, Reader)).ShouldBeNull();
        (await test.Library.GetActionHistoryAsync(restricted.Id, Reader)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Write_ByAReader_IsRefused()
    {
        using var test = new TestLibrary();
        var id = await OneActionAsync(test);

        (await test.Library.UpdateActionAsync(id, new ActionChange(1) { Status = ActionStatus.Done }, Reader)).Stored.ShouldBeFalse();
        (await test.Library.GetActionAsync(id, Reader))!.Status.ShouldBe(ActionStatus.Open);
    }

    [Fact]
    public async Task Csv_WrittenActions_ReadBackWithTheSameValues()
    {
        using var test = new TestLibrary();
        var id = await OneActionAsync(test);
        await test.Library.UpdateActionAsync(id, new ActionChange(1) { Evidence = "Minutes say \"agreed\", see p.3\nand annex", Due = new DateOnly(2025, 4, 1) }, Alex);
        var actions = await test.Library.ListActionsAsync(new ActionFilter(), Alex);

        var rows = ActionCsv.Read(new StringReader(ActionCsv.ToCsv(actions)));

        rows.Count.ShouldBe(1);
        rows[0]["id"].ShouldBe(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        rows[0]["review"].ShouldBe("LCSPR 7/23");
        rows[0]["text"].ShouldBe("Review the referral pathway");
        rows[0]["evidence"].ShouldBe("Minutes say \"agreed\", see p.3\nand annex");
        rows[0]["due"].ShouldBe("2025-04-01");
        rows[0]["status"].ShouldBe("open");
        rows[0].Keys.ShouldBe(ActionCsv.Columns);
    }

    [Fact]
    public async Task EvidenceFile_MatchingType_IsStoredContentAddressed_AndMismatchIsRefused()
    {
        using var test = new TestLibrary();
        var id = await OneActionAsync(test);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 evidence");

        var stored = await test.Library.AttachEvidenceFileAsync(id, "audit.pdf", pdf, Alex);
        var renamed = await test.Library.AttachEvidenceFileAsync(id, "tool.pdf", [0x4D, 0x5A, 0x90, 0x00], Alex);
        var tooBig = await test.Library.AttachEvidenceFileAsync(id, "big.txt", new byte[LanternLibrary.MaxEvidenceFileBytes + 1], Alex);

        stored.Stored.ShouldBeTrue();
        renamed.Stored.ShouldBeFalse();
        tooBig.Stored.ShouldBeFalse();
        var file = stored.Action!.Files.ShouldHaveSingleItem();
        (await test.Library.GetEvidenceFileAsync(id, file.Id, Alex))!.Bytes.ShouldBe(pdf);
        (await test.Library.GetActionHistoryAsync(id, Alex)).ShouldContain(h => h.Field == "evidence-file" && h.NewValue == "audit.pdf");
    }

    [Fact]
    public async Task ReportInputs_ActionDoneThenEdited_IsDoneOnTheDayItsStatusBecameDone()
    {
        using var test = new Dissemination.DisseminationLibrary();
        await test.AddAsync("east.txt", WithActions);
        var review = (await test.Library.FindReviewAsync("LCSPR 7/23", Alex))!.Summary.Id;
        var done = (await test.Library.AddActionAsync(review, new NewAction("Audit pre-birth assessments"), Alex)).Action!.Id;
        var reopened = (await test.Library.AddActionAsync(review, new NewAction("Update the bruising protocol"), Alex)).Action!.Id;
        var open = (await test.Library.AddActionAsync(review, new NewAction("Brief GP practices"), Alex)).Action!.Id;

        test.Clock.Advance(TimeSpan.FromDays(60)); // 11 March 2025
        (await test.Library.UpdateActionAsync(done, new ActionChange(1) { Status = ActionStatus.Done }, Alex)).Stored.ShouldBeTrue();
        (await test.Library.UpdateActionAsync(reopened, new ActionChange(1) { Status = ActionStatus.Done }, Alex)).Stored.ShouldBeTrue();
        test.Clock.Advance(TimeSpan.FromDays(30)); // 10 April 2025
        (await test.Library.UpdateActionAsync(done, new ActionChange(2) { Evidence = "Audit report to the board" }, Sam)).Stored.ShouldBeTrue();
        (await test.Library.UpdateActionAsync(reopened, new ActionChange(2) { Status = ActionStatus.InProgress }, Sam)).Stored.ShouldBeTrue();
        test.Clock.Advance(TimeSpan.FromDays(30)); // 10 May 2025
        (await test.Library.UpdateActionAsync(reopened, new ActionChange(3) { Status = ActionStatus.Done }, Sam)).Stored.ShouldBeTrue();

        var inputs = await test.Library.GetReportInputsAsync(Alex);

        inputs.Actions.Count.ShouldBe(3);
        inputs.Actions.Select(a => (a.Status, a.DoneOn)).ShouldBe(
        [
            ("done", new DateOnly(2025, 3, 11)),
            ("done", new DateOnly(2025, 5, 10)),
            ("open", (DateOnly?)null),
        ]);
        inputs.Actions.ShouldAllBe(a => a.AgreedOn == new DateOnly(2025, 1, 10));
        open.ShouldBeGreaterThan(0);
    }

    private static async Task<long> OneActionAsync(TestLibrary test)
    {
        await test.AddAsync("east.txt", WithActions);
        var review = (await test.Library.FindReviewAsync("LCSPR 7/23", Alex))!.Summary.Id;
        return (await test.Library.AddActionAsync(review, new NewAction("Review the referral pathway"), Alex)).Action!.Id;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
