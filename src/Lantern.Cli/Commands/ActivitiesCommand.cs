using System.CommandLine;
using System.Globalization;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Dissemination;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Dissemination;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern activities add|list|show|link|send|feedback|reminders|revoke|export</c>: learning activities, their reach
/// and each team's feedback through a tokened link.
/// </summary>
internal sealed partial class ActivitiesCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("activities", "Record learning activities (briefings, training, audits, revised procedures), send briefings to teams and collect their feedback");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Link());
        command.Subcommands.Add(Send());
        command.Subcommands.Add(Feedback());
        command.Subcommands.Add(Reminders());
        command.Subcommands.Add(Revoke());
        command.Subcommands.Add(Export());
        return command;
    }

    // The operator at the terminal may see and edit everything; changes are recorded under their user name.
    private static Viewer Operator() => new(Environment.UserName is { Length: > 0 } name ? name : "local", Role.Admin);

    private static Command Add()
    {
        var kind = new Option<string>("--kind") { Description = "briefing, training, audit, procedure or practice-learning", Required = true };
        kind.AcceptOnlyFromAmong([.. ActivityKinds.All.Select(ActivityKinds.Name)]);
        var title = new Option<string>("--title") { Description = "What the activity was", Required = true };
        var date = new Option<string>("--date") { Description = "When it was held or sent, YYYY-MM-DD", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who led it" };
        var agency = new Option<string[]>("--agency") { Description = "An audience agency (repeat for more)", AllowMultipleArgumentsPerToken = false };
        var team = new Option<string[]>("--team") { Description = "An audience team (repeat for more)" };
        var outcome = new Option<string?>("--outcome") { Description = "The outcome, or an audit's findings, in words" };
        var figure = new Option<string[]>("--figure") { Description = "An audit figure as \"label: value\" (repeat for more)" };
        var command = new Command("add", "Record a learning activity") { kind, title, date, owner, agency, team, outcome, figure };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!ReviewDates.TryParseDate(parseResult.GetValue(date), out var held) || held is null)
            {
                return parseResult.Fail("--date must be a date as YYYY-MM-DD", 2);
            }

            var (figures, error) = AuditFigure.ParseLines(string.Join('\n', parseResult.GetValue(figure) ?? []));
            if (error is not null)
            {
                return parseResult.Fail("--figure: " + error, 2);
            }

            using var library = LibraryOpener.Open(parseResult);
            var added = await library.AddActivityAsync(new NewActivity(
                ActivityKinds.Parse(parseResult.GetValue(kind))!.Value, parseResult.GetValue(title)!, held.Value, parseResult.GetValue(owner),
                parseResult.GetValue(agency), parseResult.GetValue(team), parseResult.GetValue(outcome), figures), Operator(), cancellationToken).ConfigureAwait(false);
            return Report(parseResult, added);
        });
        return command;
    }

    private static Command List()
    {
        var from = new Option<string?>("--from") { Description = "Held on or after, YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Held on or before, YYYY-MM-DD" };
        var command = new Command("list", "List learning activities") { from, to };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!ReviewDates.TryParseDate(parseResult.GetValue(from), out var fromDate) || !ReviewDates.TryParseDate(parseResult.GetValue(to), out var toDate))
            {
                return parseResult.Fail("--from and --to must be dates as YYYY-MM-DD", 2);
            }

            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var activities = await library.ListActivitiesAsync(new ActivityFilter { From = fromDate, To = toDate }, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            foreach (var a in activities)
            {
                parseResult.Out().WriteLine($"#{a.Id} {ReviewDates.Iso(a.HeldOn)} [{ActivityKinds.Name(a.Kind)}] {a.Title} | {a.Owner ?? "no owner"} | sent to {a.Recipients}, {a.Responses} responded{(a.Visibility == Visibility.Restricted ? " | RESTRICTED" : "")}");
            }

            parseResult.Out().WriteLine($"{activities.Count} activit{(activities.Count == 1 ? "y" : "ies")}");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("ID") { Description = "The activity's number (see `lantern activities list`)" };
        var command = new Command("show", "Show one activity with its links, the teams it went to and their feedback") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var activityId = parseResult.GetValue(id);
            var a = await library.GetActivityAsync(activityId, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            if (a is null)
            {
                return parseResult.Fail($"there is no activity {activityId} (see `lantern activities list`)");
            }

            var o = parseResult.Out();
            o.WriteLine($"#{a.Id} {a.Title}");
            o.WriteLine($"  kind: {ActivityKinds.Label(a.Kind)}; date: {ReviewDates.Iso(a.HeldOn)}; owner: {a.Owner ?? "none"}");
            o.WriteLine($"  audience: agencies {Join(a.Agencies)}; teams {Join(a.Teams)}");
            o.WriteLine($"  outcome: {a.Outcome ?? "none recorded"}");
            foreach (var f in a.Figures)
            {
                o.WriteLine($"  figure: {f.Label}: {f.Value}");
            }

            foreach (var link in a.Links)
            {
                o.WriteLine($"  linked {link.Kind} {link.Key}: {link.Label}");
            }

            var now = TimeProvider.System.GetUtcNow();
            foreach (var r in await library.ListRecipientsAsync(activityId, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false))
            {
                o.WriteLine($"  sent #{r.Id} {r.SentAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {r.Agency} / {r.Team}: {r.State(now)}");
            }

            return 0;
        });
        return command;
    }

    private static Command Link()
    {
        var id = new Argument<long>("ID") { Description = "The activity's number" };
        var review = new Option<string?>("--review") { Description = "A review's reference, pseudonym or id" };
        var theme = new Option<string?>("--theme") { Description = "A theme code" };
        var action = new Option<long?>("--action") { Description = "A tracked action's number" };
        var command = new Command("link", "Link an activity to the review, theme or action it came from") { id, review, theme, action };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            long? reviewId = null;
            if (parseResult.GetValue(review) is { } wanted)
            {
                var found = await library.FindReviewAsync(wanted, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
                if (found is null)
                {
                    return parseResult.Fail($"no review has the reference, name or id \u201c{wanted}\u201d (see `lantern list`)");
                }

                reviewId = found.Summary.Id;
            }

            var outcome = await library.LinkActivityAsync(parseResult.GetValue(id), new ActivityLinkTarget(reviewId, parseResult.GetValue(theme), parseResult.GetValue(action)), Operator(), cancellationToken).ConfigureAwait(false);
            return Report(parseResult, outcome);
        });
        return command;
    }

    private static string Join(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    private static int Report(ParseResult parseResult, DisseminationOutcome outcome)
    {
        if (!outcome.Stored)
        {
            return parseResult.Fail(outcome.Message);
        }

        parseResult.Out().WriteLine(outcome.Message);
        return 0;
    }
}
