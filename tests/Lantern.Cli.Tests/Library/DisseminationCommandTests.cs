using System.Text.RegularExpressions;
using Lantern.Core.Dissemination;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Tests.Shared;
using Lantern.Tests.Shared.Database;

namespace Lantern.Cli.Tests.Library;

public sealed partial class DisseminationCommandTests : IDisposable
{
    private readonly LibraryCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Activities_SendFeedbackRemindersRevokeExport_AsAPartnershipWould()
    {
        await IngestSamplesAsync();
        var added = await _cli.RunAsync("activities", "add", "--kind", "briefing", "--title", "Seven-minute briefing: =HYPERLINK(\"x\")", "--date", "2025-06-02", "--owner", "Business unit");
        added.ExitCode.ShouldBe(0, added.Error);
        var sent = await _cli.RunAsync("activities", "send", "1", "--team", "Health / Health visiting north", "--team", "Police / Public protection", "--team", "Schools / Designated leads", "--base-url", "https://lantern.example/");
        sent.ExitCode.ShouldBe(0, sent.Error);
        var tokens = FeedbackLink().Matches(sent.Output).Select(m => m.Groups[1].Value).ToList();
        tokens.Count.ShouldBe(3);

        using (var library = LanternLibrary.Open(TestStore.For(_cli.DataFolder)))
        {
            (await library.SubmitFeedbackAsync(tokens[0], new FeedbackAnswer("supervision", "=cmd|' /C calc'!A0 and check the home", 5))).State.ShouldBe(FeedbackLinkState.Submitted);
        }

        var revoke = await _cli.RunAsync("activities", "revoke", "3");
        var reminders = await _cli.RunAsync("activities", "reminders");
        var csvPath = Path.Combine(_cli.Folder, "feedback.csv");
        var export = await _cli.RunAsync("activities", "export", "--out", csvPath);
        var badTeam = await _cli.RunAsync("activities", "send", "1", "--team", "Just a team");

        revoke.ExitCode.ShouldBe(0, revoke.Error);
        reminders.Output.ShouldContain("Police / Public protection");
        reminders.Output.ShouldNotContain("Schools");
        reminders.Output.ShouldContain("1 team(s) to remind");
        export.ExitCode.ShouldBe(0, export.Error);
        var csv = await File.ReadAllTextAsync(csvPath);
        csv.ShouldStartWith("activity_id,activity,agency,team,discussed_in,will_do_differently,usefulness,submitted_at");
        csv.ShouldContain("'=cmd"); // a formula typed into the form is quoted as text
        csv.ShouldContain(",supervision,");
        badTeam.ExitCode.ShouldBe(2);
        badTeam.Error.ShouldContain("must be \u201cAgency / Team\u201d");
    }

    [Fact]
    public async Task Dates_OutOfOrder_FailWithTheReason()
    {
        await IngestSamplesAsync();

        var good = await _cli.RunAsync("dates", "1", "--aware", "2025-05-01", "--notified", "2025-05-06");
        var bad = await _cli.RunAsync("dates", "1", "--rapid-review", "2025-05-02");
        var badDate = await _cli.RunAsync("dates", "1", "--published", "06/05/2025");

        good.ExitCode.ShouldBe(0, good.Error);
        good.Output.ShouldContain("notified:          2025-05-06");
        bad.ExitCode.ShouldBe(1);
        bad.Error.ShouldContain("rapid review sent (2025-05-02) is before notified (2025-05-06)");
        badDate.ExitCode.ShouldBe(2);
        badDate.Error.ShouldContain("--published must be a date as YYYY-MM-DD");
    }

    [Fact]
    public async Task ThemesResources_AddListRemove_AndTheThemeBulletinListsThem()
    {
        await IngestSamplesAsync();

        var bad = await _cli.RunAsync("themes", "resources", "add", "information-sharing", "--title", "Protocol", "--url", "ftp://x.example/p");
        var added = await _cli.RunAsync("themes", "resources", "add", "information-sharing", "--title", "Eastshire sharing protocol", "--url", "https://eastshire.example/sharing");
        var list = await _cli.RunAsync("themes", "resources", "list");
        var bulletin = await _cli.RunAsync("bulletin", "--theme", "information-sharing", "--format", "md");
        var removed = await _cli.RunAsync("themes", "resources", "remove", "1");

        bad.ExitCode.ShouldBe(1);
        bad.Error.ShouldContain("must be a full http:// or https:// address");
        added.ExitCode.ShouldBe(0, added.Error);
        list.Output.ShouldContain("#1 information-sharing: Eastshire sharing protocol <https://eastshire.example/sharing>");
        bulletin.Output.ShouldContain("## Local procedures and guidance");
        bulletin.Output.ShouldContain("Eastshire sharing protocol: <https://eastshire.example/sharing>");
        removed.ExitCode.ShouldBe(0, removed.Error);
        (await _cli.RunAsync("themes", "resources", "list")).Output.ShouldContain("0 resource(s)");
    }

    [RequiresToolFact("pdftotext")]
    public async Task Report_Pdf_HoldsItsHeadingsAndFigures()
    {
        await IngestSamplesAsync();
        (await _cli.RunAsync("dates", "1", "--aware", "2025-12-17", "--notified", "2025-12-19", "--rapid-review", "2026-01-14")).ExitCode.ShouldBe(0);
        (await _cli.RunAsync("dates", "2", "--notified", "2025-12-19", "--rapid-review", "2026-01-15", "--commissioned", "2026-01-20")).ExitCode.ShouldBe(0);
        (await _cli.RunAsync("activities", "add", "--kind", "audit", "--title", "Neglect audit", "--date", "2026-02-10", "--outcome", "Chronologies were missing.", "--figure", "Records with a chronology: 62%")).ExitCode.ShouldBe(0);
        var pdf = Path.Combine(_cli.Folder, "report.pdf");
        var md = Path.Combine(_cli.Folder, "report.md");

        var result = await _cli.RunAsync("report", "--from", "2025-04-01", "--to", "2026-03-31", "--format", "pdf", "--out", pdf);
        (await _cli.RunAsync("report", "--from", "2025-04-01", "--to", "2026-03-31", "--format", "md", "--out", md)).ExitCode.ShouldBe(0);
        var backwards = await _cli.RunAsync("report", "--from", "2026-04-01", "--to", "2025-03-31", "--out", md);

        result.ExitCode.ShouldBe(0, result.Error);
        var (code, text, _) = ProcessRunner.Run("pdftotext", [pdf, "-"]);
        code.ShouldBe(0);
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        flat.ShouldContain("Learning and improvement: 2025-04-01 to 2026-03-31");
        foreach (var heading in new[] { "Reviews", "Themes", "Actions", "Learning activities and their reach", "Evidence of impact" })
        {
            text.ShouldContain(heading);
        }

        flat.ShouldContain("Rapid reviews completed within 15 working days: 1 of 2");
        flat.ShouldContain("Local child safeguarding practice reviews commissioned: 1");
        flat.ShouldContain("Records with a chronology: 62%");
        (await File.ReadAllTextAsync(md)).ShouldContain("- Rapid reviews completed within 15 working days: 1 of 2");
        backwards.ExitCode.ShouldBe(2);
    }

    private async Task IngestSamplesAsync()
    {
        var result = await _cli.RunAsync("ingest", LibraryCli.SamplesFolder);
        result.ExitCode.ShouldBe(0, result.Error);
    }

    [GeneratedRegex(@"/feedback/([A-Za-z0-9_-]{43})")]
    private static partial Regex FeedbackLink();
}
