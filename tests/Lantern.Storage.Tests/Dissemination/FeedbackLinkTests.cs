using Dapper;
using Lantern.Core.Dissemination;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Storage.Tests.Support;
using Lantern.Tests.Shared.Database;
using Microsoft.Data.Sqlite;

namespace Lantern.Storage.Tests.Dissemination;

public class FeedbackLinkTests
{
    private static readonly Viewer Editor = new("alex", Role.Editor);
    private static readonly Viewer Reader = new("reader", Role.Reader);
    private static readonly Viewer Admin = new("admin", Role.Admin);
    private static readonly FeedbackAnswer Good = new("team-meeting", "Check who else lives in the home at every visit.", 4);

    private const string Restricted = """
        Publisher: Westshire Safeguarding Children Partnership
        # Review RR 9/24
        Type: rapid-review
        Year: 2024
        Summary: A secret sibling case.
        """;

    [Fact]
    public async Task Token_WorksOncePerTeam_AndOtherTeamsLinksStillWork()
    {
        using var test = new DisseminationLibrary();
        var (activity, links) = await test.SendBriefingAsync(("Health", "Health visiting north"), ("Police", "Public protection unit"));

        var first = await test.Library.SubmitFeedbackAsync(links[0].Token, Good);
        var again = await test.Library.SubmitFeedbackAsync(links[0].Token, Good with { Usefulness = 1 });
        var other = await test.Library.OpenFeedbackAsync(links[1].Token);

        first.State.ShouldBe(FeedbackLinkState.Submitted);
        again.State.ShouldBe(FeedbackLinkState.Used);
        (await test.Library.OpenFeedbackAsync(links[0].Token)).State.ShouldBe(FeedbackLinkState.Used);
        other.State.ShouldBe(FeedbackLinkState.Open);
        other.Team.ShouldBe("Public protection unit");
        var feedback = await test.Library.ListFeedbackAsync(activity, Editor);
        feedback.Count.ShouldBe(1);
        feedback[0].Usefulness.ShouldBe(4);
        feedback[0].Team.ShouldBe("Health visiting north");
        (await test.Library.ListRemindersAsync(activity, Editor)).Select(r => r.Team).ShouldBe(["Public protection unit"]);
    }

    [Fact]
    public async Task Token_GuessedMalformedRevokedOrExpired_IsRefusedWithoutDetail()
    {
        using var test = new DisseminationLibrary();
        var (_, links) = await test.SendBriefingAsync(("Health", "A"), ("Health", "B"), ("Health", "C"));

        (await test.Library.OpenFeedbackAsync(FeedbackToken.New())).ShouldBe(FeedbackInvitation.Refused(FeedbackLinkState.Unknown));
        (await test.Library.OpenFeedbackAsync("x' OR 1=1 --")).State.ShouldBe(FeedbackLinkState.Unknown);
        (await test.Library.OpenFeedbackAsync(links[0].Token[..^1] + (links[0].Token[^1] == 'A' ? 'B' : 'A'))).State.ShouldBe(FeedbackLinkState.Unknown);

        (await test.Library.RevokeRecipientAsync(links[0].Recipient.Id, Reader)).Stored.ShouldBeFalse();
        (await test.Library.RevokeRecipientAsync(links[0].Recipient.Id, Editor)).Stored.ShouldBeTrue();
        var revoked = await test.Library.SubmitFeedbackAsync(links[0].Token, Good);
        revoked.ShouldBe(FeedbackInvitation.Refused(FeedbackLinkState.Revoked));

        test.Clock.Advance(TimeSpan.FromDays(29)); // links were sent valid for 28 days
        var expired = await test.Library.SubmitFeedbackAsync(links[1].Token, Good);
        expired.ShouldBe(FeedbackInvitation.Refused(FeedbackLinkState.Expired));
        (await test.Library.ListFeedbackAsync(null, Editor)).ShouldBeEmpty();
        (await test.Library.ListRemindersAsync(null, Editor)).ShouldBeEmpty(); // revoked and expired links need no reminder
    }

    [Fact]
    public async Task Token_OnlyItsSha256IsStored_AndItIsLongAndRandom()
    {
        using var test = new DisseminationLibrary();
        var (_, links) = await test.SendBriefingAsync(("Health", "A"), ("Health", "B"));

        links[0].Token.Length.ShouldBe(FeedbackToken.Length);
        links[0].Token.ShouldNotBe(links[1].Token);
        using var connection = test.Library.OpenConnection();
        var stored = (await connection.QueryAsync<string>("SELECT token_sha256 FROM activity_recipients ORDER BY id")).ToList();
        stored.ShouldBe([FeedbackToken.Hash(links[0].Token), FeedbackToken.Hash(links[1].Token)]);
        var dump = string.Join('\n', await connection.QueryAsync<string>("SELECT agency || team || sent_at || token_sha256 || expires_at FROM activity_recipients"));
        dump.ShouldNotContain(links[0].Token);
    }

    [Fact]
    public async Task Invitation_ShowsOnlyTheBriefingAndTeam_EvenWhenLinkedToARestrictedReview()
    {
        using var test = new DisseminationLibrary();
        await test.AddAsync("west.txt", Restricted, Visibility.Restricted);
        var review = (await test.Library.FindReviewAsync("RR 9/24", Editor))!.Summary.Id;
        var (activity, links) = await test.SendBriefingAsync(("Health", "A"));
        (await test.Library.LinkActivityAsync(activity, new ActivityLinkTarget(ReviewId: review), Editor)).Stored.ShouldBeTrue();

        var invitation = await test.Library.OpenFeedbackAsync(links[0].Token);

        invitation.ShouldBe(new FeedbackInvitation(FeedbackLinkState.Open, "Seven-minute briefing: neglect", "Bulletin or briefing sent out", new DateOnly(2025, 1, 10), "Health", "A"));
        (await test.Library.ListActivitiesAsync(new ActivityFilter(), Reader)).ShouldBeEmpty();
        (await test.Library.GetActivityAsync(activity, Reader)).ShouldBeNull();
        (await test.Library.ListRecipientsAsync(activity, Reader)).ShouldBeEmpty();
        (await test.Library.GetActivityAsync(activity, Editor))!.Visibility.ShouldBe(Visibility.Restricted);
        var readerInputs = await test.Library.GetReportInputsAsync(Reader);
        readerInputs.Activities.ShouldBeEmpty();
        readerInputs.Recipients.ShouldBeEmpty();
        readerInputs.Reviews.ShouldNotContain(r => r.Title.Contains("RR 9/24") || r.Id == review);
    }

    [Fact]
    public async Task ListFeedback_OfAnActivityAboutRestrictedMaterial_IsAudited_PublicOnesAreNot()
    {
        using var test = new DisseminationLibrary();
        await test.AddAsync("west.txt", Restricted, Visibility.Restricted);
        var review = (await test.Library.FindReviewAsync("RR 9/24", Editor))!.Summary.Id;
        var (restricted, restrictedLinks) = await test.SendBriefingAsync(("Health", "A"));
        (await test.Library.LinkActivityAsync(restricted, new ActivityLinkTarget(ReviewId: review), Editor)).Stored.ShouldBeTrue();
        var (open, openLinks) = await test.SendBriefingAsync(("Police", "B"));
        await test.Library.SubmitFeedbackAsync(restrictedLinks[0].Token, Good);
        await test.Library.SubmitFeedbackAsync(openLinks[0].Token, Good);

        (await test.Library.ListFeedbackAsync(open, Editor)).Count.ShouldBe(1);
        (await test.Library.GetAuditLogAsync(Admin)).ShouldNotContain(e => e.Action == "view-feedback");
        (await test.Library.ListFeedbackAsync(null, Reader)).Select(f => f.ActivityId).ShouldBe([open]);
        (await test.Library.GetAuditLogAsync(Admin)).ShouldNotContain(e => e.Action == "view-feedback");

        (await test.Library.ListFeedbackAsync(null, Editor)).Count.ShouldBe(2);

        var entry = (await test.Library.GetAuditLogAsync(Admin)).Single(e => e.Action == "view-feedback");
        entry.Actor.ShouldBe("alex");
        entry.Detail.ShouldBe($"activity {restricted}");
    }

    [Fact]
    public async Task Submit_IncompleteAnswer_SaysWhatIsMissing_AndTheLinkStillWorks()
    {
        using var test = new DisseminationLibrary();
        var (_, links) = await test.SendBriefingAsync(("Health", "A"));

        var bad = await test.Library.SubmitFeedbackAsync(links[0].Token, new FeedbackAnswer("pub", "", 9));

        bad.State.ShouldBe(FeedbackLinkState.Open);
        bad.Message.ShouldBe("Select where your team discussed the briefing.");
        (await test.Library.SubmitFeedbackAsync(links[0].Token, Good with { Usefulness = 0 })).Message.ShouldBe("Rate how useful the briefing was, from 1 to 5.");
        (await test.Library.SubmitFeedbackAsync(links[0].Token, Good)).State.ShouldBe(FeedbackLinkState.Submitted);
    }

    [Fact]
    public async Task ReviewDates_OutOfOrder_AreRefused_InOrder_AreKept()
    {
        using var test = new DisseminationLibrary();
        await test.AddAsync("west.txt", Restricted);
        var review = (await test.Library.FindReviewAsync("RR 9/24", Editor))!.Summary.Id;

        var bad = await test.Library.SetReviewDatesAsync(review, new ReviewDates(Aware: new(2024, 3, 5), Notified: new(2024, 3, 1)), Editor);
        var good = await test.Library.SetReviewDatesAsync(review, new ReviewDates(Aware: new(2024, 3, 1), Notified: new(2024, 3, 5), RapidReviewSent: new(2024, 3, 20)), Editor);

        bad.Stored.ShouldBeFalse();
        bad.Message.ShouldBe("The dates are out of order: notified (2024-03-01) is before aware (2024-03-05).");
        good.Stored.ShouldBeTrue();
        (await test.Library.GetReviewDatesAsync(review, Reader))!.RapidReviewSent.ShouldBe(new DateOnly(2024, 3, 20));
        (await test.Library.SetReviewDatesAsync(review, ReviewDates.None, Reader)).Stored.ShouldBeFalse();
    }

    [Fact]
    public async Task ThemeResources_OnlyHttpAddresses()
    {
        using var test = new DisseminationLibrary();

        (await test.Library.AddThemeResourceAsync("neglect", "Neglect toolkit", "javascript:alert(1)", Editor)).Message.ShouldContain("must be a full http:// or https:// address");
        (await test.Library.AddThemeResourceAsync("neglect", "Neglect toolkit", "https://example.org/neglect", Reader)).Stored.ShouldBeFalse();
        var added = await test.Library.AddThemeResourceAsync("neglect", "Neglect toolkit", "https://example.org/neglect", Editor);

        added.Stored.ShouldBeTrue();
        (await test.Library.ListThemeResourcesAsync("neglect")).Select(r => r.Url).ShouldBe(["https://example.org/neglect"]);
        (await test.Library.RemoveThemeResourceAsync(added.Id!.Value, Editor)).Stored.ShouldBeTrue();
        (await test.Library.ListThemeResourcesAsync(null)).ShouldBeEmpty();
    }
}

/// <summary>A test library on a clock that stands still until moved.</summary>
internal sealed class DisseminationLibrary : IDisposable
{
    private readonly TestLibrary _inner;

    public DisseminationLibrary()
    {
        _inner = new TestLibrary();
        _inner.Reopen(TestLibrary.Options() with { Clock = Clock });
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero));

    public LanternLibrary Library => _inner.Library;

    public string Folder => _inner.Folder;

    public Task<IngestOutcome> AddAsync(string fileName, string text, Visibility visibility = Visibility.Public) => _inner.AddAsync(fileName, text, visibility);

    public async Task<(long Activity, IReadOnlyList<IssuedLink> Links)> SendBriefingAsync(params (string Agency, string Team)[] teams)
    {
        var editor = new Viewer("alex", Role.Editor);
        var added = await Library.AddActivityAsync(new NewActivity(ActivityKind.Briefing, "Seven-minute briefing: neglect", new DateOnly(2025, 1, 10), "Business unit"), editor);
        added.Stored.ShouldBeTrue(added.Message);
        var sent = await Library.SendActivityAsync(added.Id!.Value, [.. teams.Select(t => new TeamAddress(t.Agency, t.Team))], TimeSpan.FromDays(28), editor);
        sent.Stored.ShouldBeTrue(sent.Message);
        return (added.Id!.Value, sent.Links);
    }

    public void Dispose() => _inner.Dispose();
}

internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => _now += by;
}

public class MigrationOrderTests
{
    [Fact]
    public void Open_DatabaseMissingALowerScriptThanItsHighest_AppliesTheMissingOne()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-storage-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var library = LanternLibrary.Open(TestStore.For(folder), TestLibrary.Options()))
            {
                using var connection = library.OpenConnection();
                // As if a branch with a higher number landed first: 8 is not recorded, its tables are gone.
                connection.Execute("DROP TABLE activity_feedback; DROP TABLE activity_recipients; DROP TABLE activity_links; DROP TABLE learning_activities; DROP TABLE review_dates; DROP TABLE theme_resources; DELETE FROM schema_version WHERE version = 8; INSERT INTO schema_version VALUES (99, 'later', '2025-01-01');");
            }

            using (var reopened = LanternLibrary.Open(TestStore.For(folder), TestLibrary.Options()))
            {
                using var connection = reopened.OpenConnection();
                connection.ExecuteScalar<long>("SELECT count(*) FROM schema_version WHERE version = 8").ShouldBe(1);
                connection.ExecuteScalar<long>("SELECT count(*) FROM learning_activities").ShouldBe(0);
                reopened.SchemaVersion.ShouldBe(99);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TestStore.Release(folder);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
