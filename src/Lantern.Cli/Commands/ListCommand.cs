using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern list [--json]</c>: every review in the library, newest first.</summary>
internal sealed class ListCommand : ICliCommand
{
    private const int Batch = 500;

    public Command Build()
    {
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table" };
        var command = new Command("list", "List the reviews in the library, newest first") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var all = new List<ReviewSummary>();
            for (var skip = 0; ; skip += Batch)
            {
                var page = await library.ListReviewsAsync(Viewer.LocalOperator, skip, Batch, cancellationToken).ConfigureAwait(false);
                all.AddRange(page);
                if (page.Count < Batch)
                {
                    break;
                }
            }

            if (parseResult.GetValue(json))
            {
                parseResult.WriteJson(all);
                return 0;
            }

            var output = parseResult.Out();
            output.WriteLine($"{"ID",6}  {"REFERENCE",-14} {"TYPE",-15} {"YEAR",4}  TITLE");
            foreach (var r in all)
            {
                output.WriteLine($"{r.Id,6}  {Cut(r.Reference ?? "-", 14),-14} {r.Type ?? "-",-15} {(r.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"),4}  {r.Title}{(r.Visibility == Visibility.Restricted ? " [restricted]" : "")}");
            }

            output.WriteLine($"{all.Count} review{(all.Count == 1 ? "" : "s")}");
            return 0;
        });
        return command;
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "\u2026";
}
