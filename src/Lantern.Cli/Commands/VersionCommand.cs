using System.CommandLine;
using Lantern.Core.Pipeline;

namespace Lantern.Cli.Commands;

internal sealed class VersionCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("version", "Print the program and extractor versions");
        command.SetAction(parseResult =>
        {
            var version = typeof(VersionCommand).Assembly.GetName().Version;
            parseResult.InvocationConfiguration.Output.WriteLine($"lantern {version?.ToString(3)} (extractor {ReviewPipeline.ExtractorVersion})");
            return 0;
        });
        return command;
    }
}
