using System.CommandLine;
using System.Globalization;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Actions;
using Lantern.Storage.Library;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern actions list|add|update|import</c>: tracked actions from reviews, with owner, due date, status,
/// evidence and a history of every change.
/// </summary>
internal sealed class ActionsCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("actions", "Track the actions and recommendations of reviews: who owns them, when they are due, and what was done");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Update());
        command.Subcommands.Add(Import());
        return command;
    }

    // The operator at the terminal may see and edit everything; changes are recorded under their user name.
    private static Viewer Operator() => new(Environment.UserName is { Length: > 0 } name ? name : "local", Role.Admin);

    private static Command List()
    {
        var status = new Option<string?>("--status") { Description = "open, in-progress, done or dropped" };
        status.AcceptOnlyFromAmong("open", "in-progress", "done", "dropped");
        var overdue = new Option<bool>("--overdue") { Description = "Only actions past their due date and not done or dropped" };
        var agency = new Option<string?>("--agency") { Description = "Only actions owned by this agency" };
        var review = new Option<string?>("--review") { Description = "Only actions of this review (reference, pseudonym or id)" };
        var csv = new Option<string?>("--csv") { Description = "Write the list as CSV to this file" };
        var command = new Command("list", "List tracked actions") { status, overdue, agency, review, csv };
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

            var filter = new ActionFilter
            {
                Status = ActionStatuses.Parse(parseResult.GetValue(status)),
                OverdueOnly = parseResult.GetValue(overdue),
                Agency = parseResult.GetValue(agency),
                ReviewId = reviewId,
            };
            var actions = await library.ListActionsAsync(filter, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(csv) is { } path)
            {
                var full = Path.GetFullPath(path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await using var writer = new StreamWriter(full, false, new System.Text.UTF8Encoding(false));
                ActionCsv.Write(writer, actions);
                parseResult.Out().WriteLine($"wrote {actions.Count} action(s) to {path}");
                return 0;
            }

            foreach (var a in actions)
            {
                var due = a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date";
                parseResult.Out().WriteLine($"#{a.Id} v{a.Version} [{ActionStatuses.Name(a.Status)}{(a.IsOverdue ? ", OVERDUE" : "")}] due {due} | {a.ReviewReference ?? a.ReviewTitle} | {a.Agency ?? "no agency"} | {a.Lead ?? "no lead"}");
                parseResult.Out().WriteLine($"    {a.Text}");
            }

            parseResult.Out().WriteLine($"{actions.Count} action(s)");
            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var reference = new Argument<string>("REF") { Description = "The review's reference, pseudonym or id" };
        var text = new Option<string>("--text") { Description = "What is to be done", Required = true };
        var agency = new Option<string?>("--agency") { Description = "The agency that owns the action" };
        var lead = new Option<string?>("--lead") { Description = "The lead person" };
        var due = new Option<string?>("--due") { Description = "Due date, YYYY-MM-DD" };
        var command = new Command("add", "Add your own action to a review") { reference, text, agency, lead, due };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!TryDate(parseResult.GetValue(due), out var dueDate))
            {
                return parseResult.Fail("--due must be a date as YYYY-MM-DD", 2);
            }

            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var wanted = parseResult.GetValue(reference)!;
            var review = await library.FindReviewAsync(wanted, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            if (review is null)
            {
                return parseResult.Fail($"no review has the reference, name or id \u201c{wanted}\u201d (see `lantern list`)");
            }

            var outcome = await library.AddActionAsync(review.Summary.Id, new NewAction(parseResult.GetValue(text)!, parseResult.GetValue(agency), parseResult.GetValue(lead), dueDate), Operator(), cancellationToken).ConfigureAwait(false);
            return Report(parseResult, outcome);
        });
        return command;
    }

    private static Command Update()
    {
        var id = new Argument<long>("ID") { Description = "The action's number (see `lantern actions list`)" };
        var status = new Option<string?>("--status") { Description = "open, in-progress, done or dropped" };
        status.AcceptOnlyFromAmong("open", "in-progress", "done", "dropped");
        var due = new Option<string?>("--due") { Description = "Due date, YYYY-MM-DD" };
        var lead = new Option<string?>("--lead") { Description = "The lead person (empty to clear)" };
        var agency = new Option<string?>("--agency") { Description = "The owning agency (empty to clear)" };
        var evidence = new Option<string?>("--evidence") { Description = "Evidence of completion, in words" };
        var attach = new Option<string?>("--attach") { Description = "Attach a file as evidence (PDF, .docx, text, CSV, PNG or JPEG, up to 10 MB)" };
        var version = new Option<int>("--version") { Description = "The version you are changing (shown by `actions list` as vN)", Required = true };
        var command = new Command("update", "Change an action; fails if someone changed it since the version you give") { id, status, due, lead, agency, evidence, attach, version };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!TryDate(parseResult.GetValue(due), out var dueDate))
            {
                return parseResult.Fail("--due must be a date as YYYY-MM-DD", 2);
            }

            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var change = new ActionChange(parseResult.GetValue(version))
            {
                Status = ActionStatuses.Parse(parseResult.GetValue(status)),
                Due = dueDate,
                Lead = parseResult.GetValue(lead),
                Agency = parseResult.GetValue(agency),
                Evidence = parseResult.GetValue(evidence),
            };
            var actionId = parseResult.GetValue(id);
            var outcome = await library.UpdateActionAsync(actionId, change, Operator(), cancellationToken).ConfigureAwait(false);
            if (outcome.Stored && parseResult.GetValue(attach) is { } file)
            {
                if (!File.Exists(file))
                {
                    return parseResult.Fail($"{file}: no such file");
                }

                outcome = await library.AttachEvidenceFileAsync(actionId, Path.GetFileName(file), await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), Operator(), cancellationToken).ConfigureAwait(false);
            }

            return Report(parseResult, outcome);
        });
        return command;
    }

    private static Command Import()
    {
        var reference = new Argument<string>("REF") { Description = "The review's reference, pseudonym or id" };
        var command = new Command("import", "Track each extracted action and recommendation of a review (running it again adds only new ones)") { reference };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var wanted = parseResult.GetValue(reference)!;
            var review = await library.FindReviewAsync(wanted, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            if (review is null)
            {
                return parseResult.Fail($"no review has the reference, name or id \u201c{wanted}\u201d (see `lantern list`)");
            }

            var outcome = await library.ImportActionsAsync(review.Summary.Id, Operator(), cancellationToken).ConfigureAwait(false);
            parseResult.Out().WriteLine($"{review.Summary.Title}: {outcome.Message}");
            return 0;
        });
        return command;
    }

    private static int Report(ParseResult parseResult, ActionOutcome outcome)
    {
        if (!outcome.Stored)
        {
            return parseResult.Fail(outcome.Message, outcome.Conflict ? 3 : 1);
        }

        parseResult.Out().WriteLine(outcome.Action is { } a ? $"{outcome.Message} #{a.Id} is now v{a.Version}, {ActionStatuses.Name(a.Status)}" : outcome.Message);
        return 0;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
