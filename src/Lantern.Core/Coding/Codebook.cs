using System.Reflection;

namespace Lantern.Core.Coding;

/// <summary>How a cue treats a negation word before it in the same clause.</summary>
public enum NegationRule
{
    /// <summary>A negation trigger in the same clause before the cue (or a denial after it) vetoes the match.</summary>
    Scoped = 0,

    /// <summary>Negation is ignored: the cue itself is negative wording ("not brought to appointments").</summary>
    Ignore = 1,
}

/// <summary>
/// One cue of a code: a phrase (with stems and alternatives), a raw regular expression, or a set of phrases that
/// must all occur in one sentence (co-occurrence). See <see cref="CuePattern"/> for the phrase syntax.
/// </summary>
/// <param name="Phrase">A phrase such as <c>professional* curio*</c>; null when <paramref name="Regex"/> or <paramref name="AllOf"/> is used.</param>
/// <param name="Regex">A .NET regular expression, case-insensitive unless it sets its own options.</param>
/// <param name="AllOf">Phrases that must all occur in the same sentence.</param>
/// <param name="Weight">Evidence weight in (0, 1]: the chance on its own that the code applies. Default 1.</param>
/// <param name="Negation">How negation applies to this cue. Default <see cref="NegationRule.Scoped"/>.</param>
/// <param name="Exclude">Phrases that veto a match they overlap ("domestic violence unit").</param>
/// <param name="ExcludeSentence">Phrases that veto a match anywhere in its sentence.</param>
public sealed record Cue(
    string? Phrase,
    string? Regex,
    IReadOnlyList<string> AllOf,
    double Weight,
    NegationRule Negation,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> ExcludeSentence)
{
    /// <summary>A plain phrase cue with weight 1.</summary>
    public static Cue ForPhrase(string phrase, double weight = 1.0) =>
        new(phrase, null, [], weight, NegationRule.Scoped, [], []);

    /// <summary>A short human-readable description (the phrase, regex or co-occurrence set).</summary>
    public string Describe() => Phrase ?? (Regex is not null ? $"/{Regex}/" : "all of: " + string.Join(" + ", AllOf));
}

/// <summary>One code of a codebook: a theme, or a harm type, risk factor or agency of the record schema.</summary>
/// <param name="Code">The stable identifier written in records, e.g. <c>information-sharing</c>.</param>
/// <param name="Label">The name shown to people.</param>
/// <param name="Definition">When the code applies, in the field's words.</param>
/// <param name="Cues">The wording that supports the code.</param>
/// <param name="MinScore">The score (noisy-or of cue weights, in [0, 1]) a review needs for the code; defaults to the codebook's.</param>
/// <param name="SuppressedBy">Codes that, when assigned, cancel this one (e.g. harm <c>other</c> when a specific harm is found).</param>
public sealed record CodeDefinition(
    string Code,
    string Label,
    string Definition,
    IReadOnlyList<Cue> Cues,
    double MinScore,
    IReadOnlyList<string> SuppressedBy);

/// <summary>
/// A versioned set of codes with their cues, loaded from JSON data (the built-in theme codebook, or the
/// vocabularies of harm, risk factors and agencies). Immutable; compile it once with <see cref="CueMatcher"/>.
/// </summary>
public sealed record Codebook
{
    /// <summary>File name of the built-in theme codebook (embedded from Data/).</summary>
    public const string BuiltInThemesFile = "codebook.json";

    private static readonly Lazy<Codebook> BuiltInLazy = new(() => LoadEmbedded(BuiltInThemesFile));

    /// <summary>The codebook's version (e.g. <c>2026.1</c>), stored against every coding made with it.</summary>
    public required string Version { get; init; }

    /// <summary>A name for people.</summary>
    public string Name { get; init; } = "";

    /// <summary>The codes, in file order.</summary>
    public required IReadOnlyList<CodeDefinition> Codes { get; init; }

    /// <summary>Words that, before a cue in its clause, negate it ("no", "not known to", "no evidence of").</summary>
    public IReadOnlyList<string> NegationTriggers { get; init; } = [];

    /// <summary>Words that, after a cue in its clause, deny it ("was ruled out", "were not present").</summary>
    public IReadOnlyList<string> NegationAfter { get; init; } = [];

    /// <summary>Hedging words ("may have", "possibly") that scale a cue's weight by <see cref="HedgeFactor"/>.</summary>
    public IReadOnlyList<string> Hedges { get; init; } = [];

    /// <summary>
    /// Words that mark a mention as one example in a list ("such as", "including"): anywhere earlier in the sentence,
    /// they scale a cue's weight by <see cref="HedgeFactor"/> as a hedge does.
    /// </summary>
    public IReadOnlyList<string> Incidental { get; init; } = [];

    /// <summary>Multiplier in [0, 1] applied to a hedged cue's weight. Default 0.5.</summary>
    public double HedgeFactor { get; init; } = 0.5;

    /// <summary>The built-in practice-theme codebook (Data/codebook.json), loaded once.</summary>
    public static Codebook BuiltIn => BuiltInLazy.Value;

    /// <summary>The theme codes, in file order.</summary>
    public IEnumerable<string> CodeIds => Codes.Select(c => c.Code);

    /// <summary>Loads and validates a codebook file.</summary>
    /// <exception cref="CodebookException">The file is missing, is not JSON, or fails validation (every error listed).</exception>
    public static Codebook Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CodebookException(path, [$"cannot read the file: {e.Message}"]);
        }

        return Parse(json, path);
    }

    /// <summary>Parses and validates codebook JSON. <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="CodebookException">The JSON is malformed or fails validation.</exception>
    public static Codebook Parse(string json, string sourceName = "codebook", IReadOnlyCollection<string>? allowedCodes = null)
    {
        var (codebook, errors) = CodebookReader.Read(json, allowedCodes);
        if (codebook is null || errors.Count > 0)
        {
            throw new CodebookException(sourceName, errors);
        }

        return codebook;
    }

    /// <summary>Validates codebook JSON without throwing; an empty list means it is valid.</summary>
    public static IReadOnlyList<string> Validate(string json, IReadOnlyCollection<string>? allowedCodes = null) =>
        CodebookReader.Read(json, allowedCodes).Errors;

    /// <summary>Loads a data file embedded from Data/ (e.g. <c>harm.json</c>).</summary>
    /// <exception cref="CodebookException">The resource is missing or invalid (a build defect).</exception>
    public static Codebook LoadEmbedded(string fileName, IReadOnlyCollection<string>? allowedCodes = null)
    {
        var name = "Lantern.Core.Data." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new CodebookException(name, ["embedded resource not found"]);
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), name, allowedCodes);
    }

    /// <summary>The definition of <paramref name="code"/>, or null.</summary>
    public CodeDefinition? Find(string code) => Codes.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}

/// <summary>A codebook that could not be read or failed validation. <see cref="Errors"/> name the field path and problem.</summary>
public sealed class CodebookException : Exception
{
    public CodebookException() : this("codebook", []) { }

    public CodebookException(string message) : this("codebook", [message]) { }

    public CodebookException(string message, Exception innerException) : base(message, innerException) => Errors = [message];

    public CodebookException(string source, IReadOnlyList<string> errors)
        : base($"{source}: {errors.Count} error(s): " + string.Join("; ", errors))
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Each problem, as <c>codes[3].cues[1].regex: invalid pattern (…)</c>.</summary>
    public IReadOnlyList<string> Errors { get; } = [];
}
