using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Lantern.Core.Model;

namespace Lantern.Core.Sensitive;

/// <summary>
/// A capitalised personal name next to a family word: "mother, Sarah Jones", "father (Mark)", "Kelly's partner",
/// "Dean, the child's uncle". Pseudonyms are not names: "Child A", "Mother of Child LR", "Sibling 2", "Father B"
/// (single letters, initials and numbers), nor are capitalised ordinary words ("mother. The …" never joins across a
/// full stop, and "mother, Police attended" is not a name).
/// </summary>
internal static partial class FamilyNames
{
    private const string FamilyWord =
        "(?i:mother|father|mum|dad|step-?mother|step-?father|grand-?mother|grand-?father|grand-?parents?|nan|sibling|siblings|brother|sister|half-brother|half-sister|uncle|aunt|aunty|auntie|cousin|partner|boyfriend|girlfriend|husband|wife|parents?|carer)";

    private const string Name = @"(?<name>(?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z]+(?:[\-'][A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:[\-'][A-Z][a-z]+)?)?)";

    private static readonly FrozenSet<string> NotNames = new[]
    {
        "Child", "Children", "Baby", "Young", "Person", "Sibling", "Siblings", "Mother", "Father", "Parent", "Parents",
        "The", "This", "That", "These", "Those", "There", "Then", "They", "Their", "She", "He", "Her", "His", "Him", "It", "Its",
        "And", "But", "Or", "Of", "In", "On", "At", "To", "For", "With", "When", "While", "Who", "Whom", "Which", "What",
        "Was", "Were", "Had", "Has", "Have", "Did", "Does", "Is", "Are", "Be", "Been", "Not", "No", "All", "Both", "Each",
        "After", "Before", "During", "Although", "However", "Also", "Later", "Police", "Health", "Social", "Services",
        "Court", "Council", "Agency", "Agencies", "School", "Nursery", "Hospital", "Practitioners", "Professionals",
        "Learning", "Review", "Reviews", "Partnership", "Safeguarding", "Rapid", "Local", "Adult", "Adults", "Family",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Early", "Help",
        "Domestic", "Abuse", "Case", "Mental", "Care", "Plan", "Team", "Officer", "Worker", "Visitor", "Midwife", "GP",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Regex[] Patterns =
    [
        // mother Sarah Jones / mother, Sarah / father (Mark) / mother: Sarah
        new(@"\b" + FamilyWord + @"(?:,\s*|\s*\(\s*|:\s*|\s+)" + Name, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(2)),

        // Sarah (mother) / Dean, the child's uncle / Kelly's partner / Dean, her uncle
        new(Name + @"(?:\s*\(\s*|,\s*(?:the|her|his|their)\s+(?:(?:child|children|baby)'s\s+)?|'s\s+)" + FamilyWord + @"\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(2)),
    ];

    public static IEnumerable<SensitiveFinding> Find(string text)
    {
        var seen = new HashSet<SourceSpan>();
        foreach (var pattern in Patterns)
        {
            foreach (Match m in pattern.Matches(text))
            {
                var name = m.Groups["name"];
                var nameFirst = pattern == Patterns[0];
                if (Trim(name.Value, nameFirst) is not { } kept)
                {
                    continue;
                }

                // Name first: the whole match. Family word first: up to the end of the part that is a name.
                var span = nameFirst
                    ? SourceSpan.FromBounds(m.Index, name.Index + kept.Length)
                    : SourceSpan.FromBounds(name.Index + kept.Offset, m.Index + m.Length);
                if (seen.Add(span))
                {
                    yield return new SensitiveFinding(SensitiveKind.FamilyName, span);
                }
            }
        }
    }

    /// <summary>
    /// The part of a captured name that is a name (offset and length within it), or null when none is. After a family
    /// word the name must come first ("mother Sarah Jones"); before one, it must come last ("When Kelly's partner").
    /// </summary>
    private static (int Offset, int Length)? Trim(string captured, bool nameFirst)
    {
        var tokens = Tokens().Matches(captured).Where(t => t.Value.TrimEnd('.') is not ("Mr" or "Mrs" or "Ms" or "Miss")).ToList();
        var titled = Tokens().Match(captured) is { Success: true } t0 && t0.Value.TrimEnd('.') is "Mr" or "Mrs" or "Ms" or "Miss";
        if (tokens.Count == 0)
        {
            return null;
        }

        if (nameFirst)
        {
            if (!IsName(tokens[0].Value))
            {
                return null;
            }

            var last = tokens.Count > 1 && IsName(tokens[1].Value) ? 1 : 0;
            return (0, tokens[last].Index + tokens[last].Length);
        }

        if (!IsName(tokens[^1].Value))
        {
            return null;
        }

        var first = titled || (tokens.Count > 1 && IsName(tokens[0].Value)) ? 0 : tokens.Count - 1;
        var offset = titled ? 0 : tokens[first].Index;
        return (offset, captured.Length - offset);
    }

    private static bool IsName(string token) => token.Length >= 3 && !NotNames.Contains(token) && token.Skip(1).Any(char.IsLower);

    [GeneratedRegex(@"[A-Za-z][A-Za-z\-']*\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();
}
