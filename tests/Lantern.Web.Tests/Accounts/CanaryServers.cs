using Lantern.Core.Dissemination;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Accounts;

/// <summary>
/// Two apps over the same sample corpus, one with a restricted canary review added last and one without. Whatever
/// anonymous visitors and readers get must be the same from both: otherwise the canary shows through.
/// </summary>
public sealed class CanaryServers : IAsyncLifetime
{
    public const string Title = "Zephyrquill";
    public const string Reference = "LCSPR-ZQ-4471";
    public const string Phrase = "marrowvale";

    public static readonly string Text =
        $"Local child safeguarding practice review: Child {Title}\n\nReference: {Reference}\n\n" +
        $"Published by {char.ToUpperInvariant(Phrase[0])}{Phrase[1..]} Safeguarding Children Partnership, March 2024.\n\n" +
        $"Summary\n{Title}, aged 4, died after prolonged neglect. Domestic abuse, parental mental health and substance misuse were known. " +
        "Information sharing between health visiting and children's social care was poor, and the GP was not told.\n\n" +
        $"Learning\n- Practitioners did not share information about neglect when the family moved between areas; the {Phrase} protocol was not followed.\n" +
        "- The rule of optimism meant that domestic abuse was not explored with the mother.\n\n" +
        "Recommendations\n- The partnership should audit information sharing at transfer between areas.\n";

    public LanternServer With { get; } = new();

    public LanternServer Without { get; } = new();

    public long CanaryDocumentId { get; private set; }

    public IReadOnlyList<long> CanaryReviewIds { get; private set; } = [];

    /// <summary>A public learning activity in both apps (sent to a team that answered).</summary>
    public long PublicActivityId { get; private set; }

    /// <summary>An activity in the With app only, linked to the canary review (so restricted), sent and answered.</summary>
    public long CanaryActivityId { get; private set; }

    /// <summary>The period the report and activity requests ask for: it holds both apps' activities and review dates.</summary>
    public const string Period = "from=2024-04-01&to=2025-03-31";

    public async Task InitializeAsync()
    {
        // The apps share one extraction of the samples: the With app starts from a snapshot of the Without app's data
        // folder. (Extracting twice under a loaded machine can differ, since slow cue patterns time out.)
        await Without.InitializeAsync();
        var shared = Without.Services.GetRequiredService<IReviewLibrary>();
        (await shared.SetReviewDatesAsync(1, new ReviewDates(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 3), new DateOnly(2024, 5, 20)), Viewer.LocalOperator)).Stored.ShouldBeTrue();
        PublicActivityId = await AddAnsweredActivityAsync(shared, "Seven-minute briefing: neglect", null, "Health", "Health visiting north");
        Directory.CreateDirectory(With.DataFolder);
        if (Lantern.Tests.Shared.Database.TestStore.ConnectionStringFor(Without.DataFolder) is { } sourceDb)
        {
            // PostgreSQL: the database (originals included) copied with pg_dump/pg_restore, as a backup would.
            var dump = Path.Combine(With.DataFolder, "canary.dump");
            await new Lantern.Storage.Backup.PostgresSnapshot(sourceDb).SnapshotAsync(dump, CancellationToken.None);
            await Lantern.Storage.Backup.PostgresSnapshot.RestoreAsync(dump, Lantern.Tests.Shared.Database.TestStore.ConnectionStringFor(With.DataFolder)!, CancellationToken.None);
            File.Delete(dump);
        }
        else
        {
            using var source = new SqliteConnection($"Data Source={Path.Combine(Without.DataFolder, "lantern.db")}");
            using var target = new SqliteConnection($"Data Source={Path.Combine(With.DataFolder, "lantern.db")};Pooling=False");
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        var originals = Path.Combine(Without.DataFolder, "originals");
        foreach (var file in Directory.Exists(originals) ? Directory.EnumerateFiles(originals, "*", SearchOption.AllDirectories) : [])
        {
            var copy = Path.Combine(With.DataFolder, "originals", Path.GetRelativePath(originals, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        await With.InitializeAsync();
        var library = With.Services.GetRequiredService<IReviewLibrary>();
        var outcome = await library.IngestAsync("canary.txt", System.Text.Encoding.UTF8.GetBytes(Text), new IngestOptions { Visibility = Visibility.Restricted, Actor = "tests" });
        outcome.Status.ShouldBe(IngestStatus.Added, outcome.Message);
        CanaryDocumentId = outcome.DocumentId!.Value;
        var document = await library.GetDocumentAsync(CanaryDocumentId, Viewer.LocalOperator);
        CanaryReviewIds = [.. document!.Reviews.Select(r => r.Id)];
        CanaryReviewIds.ShouldNotBeEmpty();

        // Restricted dissemination: the canary review's dates, and an activity from it sent to a team that answered.
        (await library.SetReviewDatesAsync(CanaryReviewIds[0], new ReviewDates(new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 5), new DateOnly(2024, 6, 20)), Viewer.LocalOperator)).Stored.ShouldBeTrue();
        CanaryActivityId = await AddAnsweredActivityAsync(library, $"Briefing on Child {Title} ({Reference})", CanaryReviewIds[0], "Police", $"{Phrase} public protection unit");
    }

    private static async Task<long> AddAnsweredActivityAsync(IReviewLibrary library, string title, long? reviewId, string agency, string team)
    {
        var added = await library.AddActivityAsync(
            new NewActivity(ActivityKind.Briefing, title, new DateOnly(2024, 9, 2), Owner: "Learning lead", Agencies: [agency], Teams: [team], Outcome: $"{title}: discussed"),
            Viewer.LocalOperator);
        added.Stored.ShouldBeTrue(added.Message);
        var id = added.Id!.Value;
        if (reviewId is { } review)
        {
            var linked = await library.LinkActivityAsync(id, new ActivityLinkTarget(ReviewId: review), Viewer.LocalOperator);
            linked.Stored.ShouldBeTrue(linked.Message);
        }

        var sent = await library.SendActivityAsync(id, [new TeamAddress(agency, team), new TeamAddress(agency, team + " south")], TimeSpan.FromDays(28), Viewer.LocalOperator);
        sent.Stored.ShouldBeTrue(sent.Message);
        var answered = await library.SubmitFeedbackAsync(sent.Links[0].Token, new FeedbackAnswer("supervision", $"We will act on {title}.", 4));
        answered.State.ShouldBe(FeedbackLinkState.Submitted);
        return id;
    }

    public async Task DisposeAsync()
    {
        await With.DisposeAsync();
        await Without.DisposeAsync();
    }
}
