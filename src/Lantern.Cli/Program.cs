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

return await root.Parse(args).InvokeAsync();
