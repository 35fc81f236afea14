using System.CommandLine;
using Lantern.Storage.Library;
using Lantern.Web.Hosting;

namespace Lantern.Cli.Infrastructure;

/// <summary>
/// Opens the library the command line names: the data folder (--data, LANTERN_DATA, ./lantern-data) and, with --db or
/// LANTERN_DB, the PostgreSQL database.
/// </summary>
internal static class LibraryOpener
{
    // A codebook saved from the web app's codebook page (data folder/codebook.json) is used for imports and reextract.
    public static LanternLibrary Open(ParseResult parseResult) =>
        SavedCodebookLibrary.Open(GlobalOptions.ResolveLocation(parseResult));

    /// <summary>Opens the library only when it already exists; null otherwise (for read-only verbs).</summary>
    public static LanternLibrary? OpenExisting(ParseResult parseResult)
    {
        var location = GlobalOptions.ResolveLocation(parseResult);
        return LanternLibrary.Exists(location) ? SavedCodebookLibrary.Open(location) : null;
    }
}
