using System.Globalization;
using System.Text.Json;

namespace Lantern.Core.Coding;

/// <summary>Reads codebook JSON into a <see cref="Codebook"/>, collecting every problem with its field path.</summary>
internal static partial class CodebookReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static (Codebook? Codebook, IReadOnlyList<string> Errors) Read(string json, IReadOnlyCollection<string>? allowedCodes)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            return (null, [$"$: not valid JSON ({e.Message})"]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ["$: expected an object with \"version\" and \"codes\""]);
            }

            var version = String(root, "version", "version", errors, required: true) ?? "";
            var defaultMin = Number(root, "minScore", "minScore", errors) ?? 0.5;
            var hedgeFactor = Number(root, "hedgeFactor", "hedgeFactor", errors) ?? 0.5;
            var codes = new List<CodeDefinition>();
            if (!root.TryGetProperty("codes", out var codesElement) || codesElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add("codes: missing or not an array");
            }
            else
            {
                var i = 0;
                foreach (var element in codesElement.EnumerateArray())
                {
                    var code = ReadCode(element, $"codes[{i}]", defaultMin, errors);
                    if (code is not null)
                    {
                        codes.Add(code);
                    }

                    i++;
                }
            }

            CheckCodes(codes, allowedCodes, errors);
            var codebook = new Codebook
            {
                Version = version,
                Name = String(root, "name", "name", errors) ?? "",
                Codes = codes,
                NegationTriggers = Strings(root, "negation", "negation", errors),
                NegationAfter = Strings(root, "negationAfter", "negationAfter", errors),
                Hedges = Strings(root, "hedges", "hedges", errors),
                Incidental = Strings(root, "incidental", "incidental", errors),
                HedgeFactor = hedgeFactor,
            };
            CheckPatterns(codebook, errors);
            return (codebook, errors);
        }
    }

    private static CodeDefinition? ReadCode(JsonElement element, string path, double defaultMin, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object");
            return null;
        }

        var code = String(element, "code", path + ".code", errors, required: true);
        if (code is not null && !System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z0-9]+(-[a-z0-9]+)*$"))
        {
            errors.Add($"{path}.code: \"{code}\" must be lower-case words joined by hyphens");
        }

        var cues = new List<Cue>();
        if (!element.TryGetProperty("cues", out var cuesElement) || cuesElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}.cues: missing or not an array");
        }
        else
        {
            var j = 0;
            foreach (var cueElement in cuesElement.EnumerateArray())
            {
                var cue = ReadCue(cueElement, $"{path}.cues[{j}]", errors);
                if (cue is not null)
                {
                    cues.Add(cue);
                }

                j++;
            }

            if (j == 0)
            {
                errors.Add($"{path}.cues: a code needs at least one cue");
            }
        }

        var min = Number(element, "minScore", path + ".minScore", errors) ?? defaultMin;
        if (min is <= 0 or > 1)
        {
            errors.Add($"{path}.minScore: {min.ToString(CultureInfo.InvariantCulture)} must be in (0, 1]");
        }

        return new CodeDefinition(
            code ?? "",
            String(element, "label", path + ".label", errors) ?? code ?? "",
            String(element, "definition", path + ".definition", errors) ?? "",
            cues,
            min,
            Strings(element, "suppressedBy", path + ".suppressedBy", errors));
    }

    private static Cue? ReadCue(JsonElement element, string path, List<string> errors)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var phrase = element.GetString()!;
            if (string.IsNullOrWhiteSpace(phrase))
            {
                errors.Add($"{path}: empty cue");
                return null;
            }

            var simple = Cue.ForPhrase(phrase);
            CheckPatterns(simple, path, errors);
            return simple;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected a phrase string or an object");
            return null;
        }

        var phraseValue = String(element, "phrase", path + ".phrase", errors);
        var regex = String(element, "regex", path + ".regex", errors);
        var allOf = Strings(element, "allOf", path + ".allOf", errors);
        var kinds = (phraseValue is null ? 0 : 1) + (regex is null ? 0 : 1) + (allOf.Count == 0 ? 0 : 1);
        if (kinds != 1)
        {
            errors.Add($"{path}: give exactly one of \"phrase\", \"regex\" or \"allOf\"");
            return null;
        }

        if ((phraseValue ?? regex) is { } text && string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{path}: empty cue");
            return null;
        }

        if (allOf.Count == 1)
        {
            errors.Add($"{path}.allOf: a co-occurrence needs at least two phrases");
        }

        if (allOf.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{path}.allOf: empty phrase");
            return null;
        }

        var weight = Number(element, "weight", path + ".weight", errors) ?? 1.0;
        if (weight is <= 0 or > 1)
        {
            errors.Add($"{path}.weight: {weight.ToString(CultureInfo.InvariantCulture)} must be in (0, 1]");
        }

        var negation = NegationRule.Scoped;
        if (String(element, "negation", path + ".negation", errors) is { } rule)
        {
            if (!Enum.TryParse(rule, ignoreCase: true, out negation))
            {
                errors.Add($"{path}.negation: \"{rule}\" must be \"scoped\" or \"ignore\"");
            }
        }

        var cue = new Cue(phraseValue, regex, allOf, weight, negation,
            Strings(element, "exclude", path + ".exclude", errors),
            Strings(element, "excludeSentence", path + ".excludeSentence", errors));
        CheckPatterns(cue, path, errors);
        return cue;
    }

    private static void CheckCodes(List<CodeDefinition> codes, IReadOnlyCollection<string>? allowed, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i].Code;
            if (code.Length > 0 && !seen.Add(code))
            {
                errors.Add($"codes[{i}].code: duplicate code \"{code}\"");
            }

            if (allowed is not null && code.Length > 0 && !allowed.Contains(code))
            {
                errors.Add($"codes[{i}].code: \"{code}\" is not in the record schema's vocabulary");
            }
        }

        for (var i = 0; i < codes.Count; i++)
        {
            foreach (var other in codes[i].SuppressedBy.Where(o => !seen.Contains(o)))
            {
                errors.Add($"codes[{i}].suppressedBy: unknown code \"{other}\"");
            }
        }
    }

    private static void CheckPatterns(Cue cue, string path, List<string> errors)
    {
        foreach (var (field, pattern) in Patterns(cue))
        {
            if (CuePattern.TryCompile(pattern, field == "regex", out _, out var problem) is false)
            {
                errors.Add($"{path}.{field}: {problem}");
            }
        }
    }

    private static void CheckPatterns(Codebook codebook, List<string> errors)
    {

        foreach (var (field, list) in new[] { ("negation", codebook.NegationTriggers), ("negationAfter", codebook.NegationAfter), ("hedges", codebook.Hedges), ("incidental", codebook.Incidental) })
        {
            for (var k = 0; k < list.Count; k++)
            {
                if (CuePattern.TryCompile(list[k], false, out _, out var problem) is false)
                {
                    errors.Add($"{field}[{k}]: {problem}");
                }
            }
        }
    }

    private static IEnumerable<(string Field, string Pattern)> Patterns(Cue cue)
    {
        if (cue.Phrase is not null)
        {
            yield return ("phrase", cue.Phrase);
        }

        if (cue.Regex is not null)
        {
            yield return ("regex", cue.Regex);
        }

        foreach (var p in cue.AllOf)
        {
            yield return ("allOf", p);
        }

        foreach (var p in cue.Exclude)
        {
            yield return ("exclude", p);
        }

        foreach (var p in cue.ExcludeSentence)
        {
            yield return ("excludeSentence", p);
        }
    }
}
