using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Analysis.Agreement;
using Lantern.Core.Model;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern code confirm|reject|add REF THEME [--coder NAME] [--note TEXT]</c>: a person's coding decision.</summary>
internal sealed class CodeCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("code", "Confirm, reject or add a theme on a review; the decision is kept with who and when, beside the automatic code");
        command.Subcommands.Add(Verdict("confirm", "Confirm that an automatically coded theme applies", CodingVerdict.Confirmed));
        command.Subcommands.Add(Verdict("reject", "Reject an automatically coded theme", CodingVerdict.Rejected));
        command.Subcommands.Add(Verdict("add", "Add a theme the automatic coder missed", CodingVerdict.Added));
        return command;
    }

    private static Command Verdict(string name, string description, CodingVerdict verdict)
    {
        var reference = new Argument<string>("REF") { Description = "The review's reference, pseudonym or id" };
        var theme = new Argument<string>("THEME") { Description = "A theme code from the codebook, e.g. information-sharing" };
        var coder = new Option<string?>("--coder") { Description = "Who is coding (default: your user name)" };
        var note = new Option<string?>("--note") { Description = "Why, in your words" };
        var command = new Command(name, description) { reference, theme, coder, note };
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

            var who = parseResult.GetValue(coder);
            if (string.IsNullOrWhiteSpace(who))
            {
                who = Environment.UserName;
            }

            var code = parseResult.GetValue(theme)!;
            var outcome = await library.RecordCodingDecisionAsync(review.Summary.Id, code, verdict, Viewer.LocalOperator, who, parseResult.GetValue(note), cancellationToken).ConfigureAwait(false);
            if (!outcome.Stored)
            {
                return parseResult.Fail(outcome.Message);
            }

            var coding = await library.GetCodingAsync(review.Summary.Id, Viewer.LocalOperator, cancellationToken).ConfigureAwait(false);
            parseResult.Out().WriteLine($"{review.Summary.Title}: {outcome.Message}");
            parseResult.Out().WriteLine($"themes now: {string.Join(", ", coding?.Effective.Select(t => t.ThemeCode) ?? [])}");
            return 0;
        });
        return command;
    }
}
