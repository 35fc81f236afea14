using System.Text.RegularExpressions;

namespace Lantern.Core.Analysis.Recurrence;

/// <summary>
/// Splits a learning point into its message units: sentences, bullets, semicolon clauses, and the second of two
/// framed messages joined in one sentence ("the need for X … and the need for Y"). A review often packs two
/// messages into one point; comparing whole points would let the second hide the first.
/// </summary>
public static partial class LearningUnits
{
    /// <summary>Longest text split (characters); longer points are cut there first so odd input stays cheap.</summary>
    public const int MaxLength = 4000;

    /// <summary>
    /// The units of <paramref name="text"/> in order, trimmed, none empty. A point with one message gives itself.
    /// Never throws; null or blank text gives none.
    /// </summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var input = text.Length > MaxLength ? text[..MaxLength] : text;
        string[] parts;
        try
        {
            parts = Boundary().Split(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return [input.Trim()];
        }

        var units = new List<string>();
        foreach (var part in parts)
        {
            var unit = part.Trim().TrimStart('-', '*', '\u2022', '\u2013', '.', ' ').TrimEnd(';', ',', ' ');
            if (unit.Length > 0)
            {
                units.Add(unit);
            }
        }

        return units.Count > 0 ? units : [input.Trim()];
    }

    // Sentence ends before a capital or digit (not "e.g. a"), semicolons, line breaks and bullets, and a second
    // framed message: ", and the need to/for …", "and the importance of …".
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""'\u201c(])|;\s*|\r?\n+\s*(?:[-*\u2022\u2013]\s+|\d+[.)]\s+)?|\s*,?\s+and\s+(?=the\s+(?:need|importance)\s+(?:for|to|of)\b)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Boundary();
}
