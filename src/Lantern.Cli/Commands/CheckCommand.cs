using System.CommandLine;
using Lantern.Cli.Infrastructure;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern check</c>: originals present and hashing right, search indexes consistent with the rows.</summary>
internal sealed class CheckCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("check", "Check the library: every original present and unchanged, search indexes in step with the records");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var check = await library.CheckAsync(cancellationToken).ConfigureAwait(false);
            foreach (var note in check.Notes ?? [])
            {
                parseResult.Out().WriteLine($"note: {note}");
            }

            foreach (var problem in check.Problems)
            {
                parseResult.Out().WriteLine($"problem: {problem}");
            }

            if (!check.Ok)
            {
                return parseResult.Fail($"{check.Problems.Count} problem{(check.Problems.Count == 1 ? "" : "s")} found in {check.DocumentsChecked} documents and {check.ReviewsChecked} reviews");
            }

            parseResult.Out().WriteLine($"ok: {check.DocumentsChecked} documents and {check.ReviewsChecked} reviews checked");
            return 0;
        });
        return command;
    }
}
