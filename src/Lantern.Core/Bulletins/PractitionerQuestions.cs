using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lantern.Core.Bulletins;

/// <summary>What a bulletin says about one practice theme: its plain-English title, why it matters, and questions for practitioners.</summary>
/// <param name="Code">The codebook's theme code, e.g. <c>information-sharing</c>; <c>general</c> for the fallback.</param>
/// <param name="Title">The theme in plain English, e.g. "Information sharing".</param>
/// <param name="Why">One sentence on why the theme matters.</param>
/// <param name="Questions">Questions for practitioners, most important first.</param>
public sealed record ThemeGuidance(string Code, string Title, string Why, IReadOnlyList<string> Questions);

/// <summary>
/// Questions for practitioners keyed by theme code, read from the embedded <c>practitioner-questions.json</c>
/// (or a file in the same shape), with general questions for themes it does not list.
/// </summary>
public sealed class PractitionerQuestions
{
    private const string ResourceName = "Lantern.Core.Data.practitioner-questions.json";
    private static readonly Lazy<PractitionerQuestions> BuiltIn = new(() => Parse(ReadResource()));

    private readonly IReadOnlyDictionary<string, ThemeGuidance> _themes;

    private PractitionerQuestions(IReadOnlyDictionary<string, ThemeGuidance> themes, ThemeGuidance general)
    {
        _themes = themes;
        General = general;
    }

    /// <summary>The questions shipped with Lantern: two or three for each of the codebook's themes.</summary>
    public static PractitionerQuestions Default => BuiltIn.Value;

    /// <summary>Used when no theme applies or a theme has no entry.</summary>
    public ThemeGuidance General { get; }

    /// <summary>The theme codes with their own entry.</summary>
    public IReadOnlyCollection<string> Codes => [.. _themes.Keys];

    /// <summary>The guidance for <paramref name="code"/>, or <see cref="General"/> with the code and a title made from it when there is none.</summary>
    public ThemeGuidance For(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_themes.TryGetValue(code, out var guidance))
        {
            return guidance;
        }

        var title = code.Replace('-', ' ');
        title = title.Length == 0 ? General.Title : char.ToUpperInvariant(title[0]) + title[1..];
        return General with { Code = code, Title = title };
    }

    /// <summary>True when <paramref name="code"/> has its own entry.</summary>
    public bool Has(string code) => _themes.ContainsKey(code);

    /// <summary>Reads questions in the shape of the built-in file.</summary>
    /// <exception cref="JsonException">The JSON is malformed or has no <c>general</c> entry.</exception>
    public static PractitionerQuestions Parse(string json)
    {
        var file = JsonSerializer.Deserialize<QuestionsFile>(json) ?? throw new JsonException("the questions file is empty");
        var general = file.General ?? throw new JsonException("the questions file has no 'general' entry");
        var themes = (file.Themes ?? []).ToDictionary(
            kv => kv.Key,
            kv => new ThemeGuidance(kv.Key, kv.Value.Title ?? kv.Key, kv.Value.Why ?? "", kv.Value.Questions ?? []),
            StringComparer.OrdinalIgnoreCase);
        return new PractitionerQuestions(themes, new ThemeGuidance("general", general.Title ?? "General", general.Why ?? "", general.Questions ?? []));
    }

    private static string ReadResource()
    {
        using var stream = typeof(PractitionerQuestions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class QuestionsFile
    {
        [JsonPropertyName("themes")] public Dictionary<string, Entry>? Themes { get; init; }
        [JsonPropertyName("general")] public Entry? General { get; init; }
    }

    private sealed class Entry
    {
        [JsonPropertyName("title")] public string? Title { get; init; }
        [JsonPropertyName("why")] public string? Why { get; init; }
        [JsonPropertyName("questions")] public List<string>? Questions { get; init; }
    }
}
