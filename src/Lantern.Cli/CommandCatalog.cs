using System.CommandLine;

namespace Lantern.Cli;

/// <summary>A verb of the <c>lantern</c> command. Implementations need a public parameterless constructor.</summary>
internal interface ICliCommand
{
    Command Build();
}

internal static class CommandCatalog
{
    public static IEnumerable<Command> Discover() =>
        typeof(CommandCatalog).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => ((ICliCommand)Activator.CreateInstance(t)!).Build())
            .OrderBy(c => c.Name, StringComparer.Ordinal);
}
