namespace Lantern.Core.Coding;

/// <summary>
/// Where the theme codebook comes from: an explicit path, else the <c>LANTERN_CODEBOOK</c> environment variable,
/// else the built-in codebook. Hosts (CLI, web) pass a configured path here.
/// </summary>
public sealed record CodebookOptions
{
    /// <summary>The environment variable naming a codebook file.</summary>
    public const string EnvironmentVariable = "LANTERN_CODEBOOK";

    /// <summary>A codebook file to use instead of the built-in one; null or blank for the default.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// The codebook path in force: <see cref="Path"/>, else the environment variable (read through
    /// <paramref name="getEnvironment"/>, default <see cref="Environment.GetEnvironmentVariable(string)"/>), else null.
    /// </summary>
    public string? ResolvePath(Func<string, string?>? getEnvironment = null)
    {
        if (!string.IsNullOrWhiteSpace(Path))
        {
            return Path;
        }

        var fromEnvironment = (getEnvironment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
    }

    /// <summary>Loads the codebook in force (see <see cref="ResolvePath"/>), or <see cref="Codebook.BuiltIn"/>.</summary>
    /// <exception cref="CodebookException">The configured file is missing or invalid.</exception>
    public Codebook Load(Func<string, string?>? getEnvironment = null) =>
        ResolvePath(getEnvironment) is { } path ? Codebook.Load(path) : Codebook.BuiltIn;
}
