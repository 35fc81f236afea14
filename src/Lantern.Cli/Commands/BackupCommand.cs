using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Storage.Backup;
using Lantern.Storage.Library;

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

            IDatabaseSnapshot snapshot = library.Location.Provider == DatabaseProvider.Postgres ? new PostgresSnapshot(library) : new SqliteSnapshot(library);
            BackupSummary summary;
            try
            {
                summary = await LibraryBackup.CreateAsync(library, snapshot, parseResult.GetValue(output)!, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (BackupException e)
            {
                return parseResult.Fail($"backup failed: {e.Message}");
            }

            parseResult.Out().WriteLine($"wrote {summary.Path}: {summary.Files} files, {summary.Bytes / 1024.0:0.#} KiB before compression");
            return 0;
        });
        return command;
    }
}
