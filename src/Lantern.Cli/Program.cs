using System.CommandLine;
using Lantern.Cli;

// Each verb lives in Commands/<Verb>Command.cs and is found here by type, so adding a verb touches no other file.
var root = new RootCommand("Lantern: a searchable, coded library of child safeguarding practice reviews.");
root.Options.Add(GlobalOptions.Data);
root.Options.Add(GlobalOptions.Db);
foreach (var command in CommandCatalog.Discover())
{
    root.Subcommands.Add(command);
}

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (System.Data.Common.DbException ex)
{
    // A PostgreSQL server that cannot be reached (or a database that does not exist) is a plain message, not a trace.
    await Console.Error.WriteLineAsync($"lantern: the library's database cannot be opened: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    return 130;
}
catch (Exception ex)
{
    // As System.CommandLine's own handler (turned off above so the database case can be told apart) reports it.
    await Console.Error.WriteLineAsync($"Unhandled exception: {ex}");
    return 1;
}
