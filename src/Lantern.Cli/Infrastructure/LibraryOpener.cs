using System.CommandLine;
using Lantern.Storage.Library;
using Lantern.Web.Hosting;

namespace Lantern.Cli.Infrastructure;

/// <summary>Opens the library in the data folder the command line names (--data, LANTERN_DATA, ./lantern-data).</summary>
internal static class LibraryOpener
{
    // A codebook saved from the web app's codebook page (data folder/codebook.json) is used for imports and reextract.
    public static LanternLibrary Open(ParseResult parseResult) =>
        SavedCodebookLibrary.Open(GlobalOptions.ResolveDataFolder(parseResult));

    /// <summary>Opens the library only when the data folder already holds one; null otherwise (for read-only verbs).</summary>
    public static LanternLibrary? OpenExisting(ParseResult parseResult)
    {
        var folder = GlobalOptions.ResolveDataFolder(parseResult);
        return File.Exists(Path.Combine(folder, LanternLibrary.DatabaseFileName)) ? SavedCodebookLibrary.Open(folder) : null;
    }
}
