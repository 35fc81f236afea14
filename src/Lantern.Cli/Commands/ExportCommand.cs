using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Model;
using Lantern.Core.Records;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern export --format json --out DIR</c>: one record-schema JSON file per document.</summary>
internal sealed class ExportCommand : ICliCommand
{
    public Command Build()
    {
        var format = new Option<string>("--format") { Description = "Export format (json: one record-schema file per document)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var output = new Option<string>("--out") { Description = "Folder to write into (created if needed)", Required = true };
        var publicOnly = new Option<bool>("--public-only") { Description = "Leave restricted documents out (for publishing the data set)" };
        var command = new Command("export", "Export the library as record-schema JSON, one <name>.json per document") { format, output, publicOnly };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var folder = Path.GetFullPath(parseResult.GetValue(output)!);
            Directory.CreateDirectory(folder);
            var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var count = 0;
            var viewer = parseResult.GetValue(publicOnly) ? Viewer.Anonymous : Viewer.LocalOperator;
            await foreach (var export in library.ExportAsync(viewer, cancellationToken).ConfigureAwait(false))
            {
                var stem = Path.GetFileNameWithoutExtension(export.Document.FileName);
                // Two different documents may share a file name; the later one gets its id appended.
                var name = written.Add(stem) ? stem : $"{stem}-{export.Document.Id}";
                written.Add(name);
                await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), RecordJson.Serialize(export.Record) + "\n", cancellationToken).ConfigureAwait(false);
                count++;
            }

            parseResult.Out().WriteLine($"exported {count} document{(count == 1 ? "" : "s")} to {folder}");
            return 0;
        });
        return command;
    }
}
