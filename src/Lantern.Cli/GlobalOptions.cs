using System.CommandLine;
using Lantern.Storage.Library;

namespace Lantern.Cli;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    public const string DataEnvironmentVariable = "LANTERN_DATA";
    public const string DefaultDataFolder = "lantern-data";
    public const string DbEnvironmentVariable = "LANTERN_DB";

    public static readonly Option<string?> Data = new("--data")
    {
        Description = $"The data folder (default: ${DataEnvironmentVariable}, else ./{DefaultDataFolder})",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = $"A PostgreSQL connection string (\"Host=...;Database=...\") to keep the library on a shared server (default: ${DbEnvironmentVariable}, else SQLite in the data folder)",
        Recursive = true,
    };

    /// <summary>The PostgreSQL connection string: --db, else LANTERN_DB; null for SQLite in the data folder.</summary>
    public static string? ResolveDb(ParseResult parseResult)
    {
        var value = parseResult.GetValue(Db);
        if (string.IsNullOrWhiteSpace(value))
        {
            value = Environment.GetEnvironmentVariable(DbEnvironmentVariable);
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Where the library lives: the data folder, and the PostgreSQL database when one is named.</summary>
    public static LibraryLocation ResolveLocation(ParseResult parseResult) => new(ResolveDataFolder(parseResult), ResolveDb(parseResult));

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
