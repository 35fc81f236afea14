using System.CommandLine;
using System.Globalization;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Dissemination;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Dissemination;

namespace Lantern.Cli.Commands;

internal sealed partial class ActivitiesCommand
{
    private static Command Send()
    {
        var id = new Argument<long>("ID") { Description = "The briefing's number" };
        var team = new Option<string[]>("--team") { Description = "A team as \"Agency / Team\" (repeat for more)", Required = true };
        var days = new Option<int>("--days") { Description = "How many days each feedback link works (1 to 366)", DefaultValueFactory = _ => 28 };
        var baseUrl = new Option<string>("--base-url") { Description = "The web app's address, for the links", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("send", "Record a briefing as sent to teams and print each team's feedback link (shown once: only a hash is kept)") { id, team, days, baseUrl };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var teams = new List<TeamAddress>();
            foreach (var text in parseResult.GetValue(team) ?? [])
            {
                var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    return parseResult.Fail($"--team \u201c{text}\u201d must be \u201cAgency / Team\u201d, for example \u201cHealth / Health visiting north\u201d", 2);
                }

                teams.Add(new TeamAddress(parts[0], parts[1]));
            }

            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var sent = await library.SendActivityAsync(parseResult.GetValue(id), teams, TimeSpan.FromDays(parseResult.GetValue(days)), Operator(), cancellationToken).ConfigureAwait(false);
            if (!sent.Stored)
            {
                return parseResult.Fail(sent.Message);
            }

            var root = parseResult.GetValue(baseUrl)!.TrimEnd('/');
            parseResult.Out().WriteLine(sent.Message);
            foreach (var link in sent.Links)
            {
                parseResult.Out().WriteLine($"#{link.Recipient.Id} {link.Recipient.Agency} / {link.Recipient.Team} (until {link.Recipient.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}): {root}/feedback/{link.Token}");
            }

            return 0;
        });
        return command;
    }

    private static Command Feedback()
    {
        var id = new Argument<long?>("ID") { Description = "Only this activity's feedback", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("feedback", "List teams' feedback") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var feedback = await library.ListFeedbackAsync(parseResult.GetValue(id), Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            foreach (var f in feedback)
            {
                parseResult.Out().WriteLine($"#{f.ActivityId} {f.ActivityTitle} | {f.Agency} / {f.Team} | {DiscussionSettings.Label(f.DiscussedIn)} | usefulness {f.Usefulness}/5");
                parseResult.Out().WriteLine($"    {f.WillChange}");
            }

            parseResult.Out().WriteLine($"{feedback.Count} response(s)");
            return 0;
        });
        return command;
    }

    private static Command Reminders()
    {
        var id = new Argument<long?>("ID") { Description = "Only this activity's teams", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("reminders", "Teams that have not responded and whose link still works") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var due = await library.ListRemindersAsync(parseResult.GetValue(id), Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            foreach (var r in due)
            {
                parseResult.Out().WriteLine($"#{r.Id} activity {r.ActivityId}: {r.Agency} / {r.Team}, sent {r.SentAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, link works until {r.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            }

            parseResult.Out().WriteLine($"{due.Count} team(s) to remind");
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<long>("LINK") { Description = "The feedback link's number (shown by `send`, `show` and `reminders` as #N)" };
        var command = new Command("revoke", "Stop a team's feedback link working") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            return Report(parseResult, await library.RevokeRecipientAsync(parseResult.GetValue(id), Operator(), cancellationToken).ConfigureAwait(false));
        });
        return command;
    }

    private static Command Export()
    {
        var id = new Option<long?>("--activity") { Description = "Only this activity's feedback" };
        var output = new Option<string>("--out") { Description = "The CSV file to write", Required = true };
        var command = new Command("export", "Write teams' feedback as CSV") { id, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var feedback = await library.ListFeedbackAsync(parseResult.GetValue(id), Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            var path = Path.GetFullPath(parseResult.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, FeedbackCsv.ToCsv(feedback), new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            parseResult.Out().WriteLine($"wrote {feedback.Count} response(s) to {parseResult.GetValue(output)}");
            return 0;
        });
        return command;
    }
}
