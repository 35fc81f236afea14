using System.CommandLine;

namespace Lantern.Cli;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    public const string DataEnvironmentVariable = "LANTERN_DATA";
    public const string DefaultDataFolder = "lantern-data";

    public static readonly Option<string?> Data = new("--data")
    {
        Description = $"The data folder (default: ${DataEnvironmentVariable}, else ./{DefaultDataFolder})",
        Recursive = true,
    };

    /// <summary>The data folder: --data, else LANTERN_DATA, else ./lantern-data; made absolute.</summary>
    public static string ResolveDataFolder(ParseResult parseResult)
    {
        var value = parseResult.GetValue(Data);
        if (string.IsNullOrWhiteSpace(value))
        {
            value = Environment.GetEnvironmentVariable(DataEnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            value = DefaultDataFolder;
        }

        return Path.GetFullPath(value);
    }
}
