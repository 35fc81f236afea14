using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

/// <summary>
/// Joins words hyphenated across a line break (<c>safe-</c> / <c>guarding</c> → <c>safeguarding</c>), also across blank
/// lines or a page break, but keeps the hyphen after a compound prefix (<c>multi-agency</c>, <c>non-accidental</c>,
/// <c>re-examine</c> before a vowel). Only a lower-case continuation is joined, so "Nottingham-" / "Derby" stays apart.
/// </summary>
public sealed partial class HyphenationNormaliser : ITextNormaliser
{
    private static readonly HashSet<string> CompoundPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "multi", "non", "co", "pre", "post", "self", "cross", "inter", "sub", "anti", "well", "long", "short", "under",
        "over", "step", "half", "semi", "trauma", "evidence", "decision",
    };

    public string Normalise(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Broken().Replace(text, Join);
    }

    private static string Join(Match m)
    {
        var head = m.Groups["head"].Value;
        var tail = m.Groups["tail"].Value;
        var lastWord = LastWord().Match(head).Value;
        var keepHyphen = CompoundPrefixes.Contains(lastWord) ||
                         (lastWord.Equals("re", StringComparison.OrdinalIgnoreCase) && "aeiou".Contains(tail[0], StringComparison.Ordinal));
        return head + (keepHyphen ? "-" : "") + tail;
    }

    [GeneratedRegex(@"(?<head>\p{L}+)-[ \t]*\n(?:[ \t]*\n)*[ \t]*(?<tail>\p{Ll}[\p{L}]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Broken();

    [GeneratedRegex(@"[\p{L}]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LastWord();
}
