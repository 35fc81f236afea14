using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lantern.Cli.Infrastructure;

/// <summary>Shared output helpers: plain lines to the verb's output, one-line failures to its error stream, JSON.</summary>
internal static class CliOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static TextWriter Out(this ParseResult parseResult) => parseResult.InvocationConfiguration.Output;

    public static TextWriter Error(this ParseResult parseResult) => parseResult.InvocationConfiguration.Error;

    /// <summary>Writes "lantern: REASON" to the error stream and returns the failure exit code.</summary>
    public static int Fail(this ParseResult parseResult, string reason, int exitCode = 1)
    {
        parseResult.Error().WriteLine($"lantern: {reason}");
        return exitCode;
    }

    public static void WriteJson<T>(this ParseResult parseResult, T value) =>
        parseResult.Out().WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>True when output goes to a person at a terminal (not redirected, not captured by a test).</summary>
    public static bool IsInteractive(this ParseResult parseResult) =>
        ReferenceEquals(parseResult.Out(), Console.Out) && !Console.IsOutputRedirected;

    /// <summary>The message a data folder (or PostgreSQL database) without a library gives.</summary>
    public static int NoLibrary(this ParseResult parseResult) => GlobalOptions.ResolveDb(parseResult) is null
        ? parseResult.Fail($"there is no library in {GlobalOptions.ResolveDataFolder(parseResult)} (ingest some files first, or pass --data)")
        : parseResult.Fail("there is no library in the PostgreSQL database named by --db or LANTERN_DB (ingest some files first)");
}
