using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Storage.Backup;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern restore FILE [--force]</c>: checks a backup against its manifest, then puts it in place of the data
/// folder. A folder that holds anything is refused without --force, and with it is moved aside, never deleted.
/// </summary>
internal sealed class RestoreCommand : ICliCommand
{
    public Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "A zip written by `lantern backup`" };
        var force = new Option<bool>("--force") { Description = "Restore over a data folder that is not empty (it is moved aside to DATA.before-restore-TIME)" };
        var command = new Command("restore", "Restore a backup into the data folder after checking every file against its manifest (stop `serve` first)") { file, force };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var location = GlobalOptions.ResolveLocation(parseResult);
            var folder = location.DataFolder;
            try
            {
                var summary = await LibraryBackup.RestoreAsync(parseResult.GetValue(file)!, location, parseResult.GetValue(force), TimeProvider.System, cancellationToken).ConfigureAwait(false);
                parseResult.Out().WriteLine($"restored {summary.Files} files into {folder}");
                if (summary.PreviousFolder is not null)
                {
                    parseResult.Out().WriteLine($"the previous data folder was moved to {summary.PreviousFolder}");
                }

                return 0;
            }
            catch (BackupException e)
            {
                return parseResult.Fail($"{e.Message}; the data folder was not changed");
            }
            catch (IOException e)
            {
                return parseResult.Fail($"restore failed ({e.Message}); the data folder was not changed");
            }
        });
        return command;
    }
}
