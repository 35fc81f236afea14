using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Storage.Backup;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern backup --out FILE</c>: the whole library (database snapshot, originals, manifest) as one zip.</summary>
internal sealed class BackupCommand : ICliCommand
{
    public Command Build()
    {
        var output = new Option<string>("--out") { Description = "The zip file to write (replaced only once complete)", Required = true };
        var command = new Command("backup", "Write the library to one zip: an online copy of the database, every stored original, and a SHA-256 manifest") { output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            // The PostgreSQL provider supplies a pg_dump snapshot here instead.
            var summary = await LibraryBackup.CreateAsync(library, new SqliteSnapshot(library), parseResult.GetValue(output)!, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            parseResult.Out().WriteLine($"wrote {summary.Path}: {summary.Files} files, {summary.Bytes / 1024.0:0.#} KiB before compression");
            return 0;
        });
        return command;
    }
}
