using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

/// <summary>
/// Turns every list marker into the canonical <c>• </c> (U+2022 and a space): • ● ▪ ■ ◦ ➢ ► ✓ ·, the private-use bullets
/// PDF fonts leave behind (U+F0B7, U+F0A7, U+F076, U+F0D8), <c>-</c>, <c>*</c> and <c>–</c> followed by a space, two dots
/// (<c>..That you can</c>; a dash that starts a hard-wrapped continuation of an unfinished sentence is not a bullet), and a lone lower-case <c>o</c> followed by a space when it stands in a list (next to other
/// bullets or after a line ending with a colon). A marker or item number alone on its line is joined to the text on the
/// next line.
/// Numbered items keep their numbers as printed.
/// </summary>
public sealed partial class BulletNormaliser : ITextNormaliser
{
    public string Normalise(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = text.Split('\n');
        var lines = new List<string>(source.Length);
        var wrapWidth = LineShapes.WrapWidth(source);

        // Set when a line is rewritten or two are merged; otherwise the lines are the text's own and it comes back as is.
        var changed = false;
        for (var i = 0; i < source.Length; i++)
        {
            var line = source[i];
            var hasNext = i + 1 < source.Length && source[i + 1].Trim().Length > 0;
            if (hasNext && MarkerOnly().IsMatch(line))
            {
                // pdftotext often puts the bullet glyph on a line of its own.
                line = line.Trim() + " " + source[++i].Trim();
                changed = true;
            }
            else if (hasNext && NumberOnly().IsMatch(line) && !NumberOnly().IsMatch(source[i + 1]))
            {
                // "1." on its own line, its text on the next: one numbered item.
                lines.Add(line.Trim() + " " + source[++i].Trim());
                changed = true;
                continue;
            }

            var m = Marker().Match(line);
            var isBullet = m.Success && m.Length < line.Length && !IsWrappedDash(line, lines, wrapWidth);
            lines.Add(isBullet ? LineShapes.Bullet + line[m.Length..].TrimStart() : line);
            changed |= isBullet;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var m = LetterO().Match(lines[i]);
            if (m.Success && m.Length < lines[i].Length && InListContext(lines, i))
            {
                lines[i] = LineShapes.Bullet + lines[i][m.Length..].TrimStart();
                changed = true;
            }
        }

        return changed ? string.Join('\n', lines) : text;
    }

    // "...convicted after the trial last year" / "- one for assault": a spaced dash that a hard wrap moved to the start
    // of a line continues the sentence above; it is not a bullet.
    private static bool IsWrappedDash(string line, List<string> done, int? wrapWidth)
    {
        var t = line.TrimStart();
        if (t.Length == 0 || t[0] is not ('-' or '–') || done.Count == 0 || wrapWidth is not { } width)
        {
            return false;
        }

        // Inside a list (a bullet within the last few lines of this block) a dash starts the next item.
        for (var j = done.Count - 1; j >= Math.Max(0, done.Count - 4) && done[j].Trim().Length > 0; j--)
        {
            if (done[j].StartsWith(LineShapes.Bullet, StringComparison.Ordinal))
            {
                return false;
            }
        }

        var p = done[^1].Trim();
        return p.Length >= width * 7 / 10 && !LineShapes.IsListItem(p) && !LineShapes.EndsWithTerminalPunctuation(p) &&
               !LineShapes.EndsWithColon(p) && !LineShapes.IsHeadingLike(p);
    }

    private static bool InListContext(List<string> lines, int i)
    {
        var previous = Neighbour(lines, i, -1);
        var next = Neighbour(lines, i, +1);
        return IsBulletish(previous) || IsBulletish(next) || (previous is not null && LineShapes.EndsWithColon(previous));
    }

    private static bool IsBulletish(string? line) =>
        line is not null && (line.StartsWith(LineShapes.Bullet, StringComparison.Ordinal) || LetterO().IsMatch(line));

    private static string? Neighbour(List<string> lines, int i, int step)
    {
        for (var j = i + step; j >= 0 && j < lines.Count; j += step)
        {
            if (lines[j].Trim().Length > 0)
            {
                return lines[j].Trim();
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[ \t]*(?:[•●▪■◦➢►✓·\uF0B7\uF0A7\uF076\uF0D8\u25AA\u25CF\u2023\u2043\u27A4\u2713\u2714\u25BA\u25B6\u2219\u25CB\u25A1\u25C6\u2666\u2756\u2794\uF0FC\uF0A8\uF06C\uF06E\uF0E8][ \t]*|[-*–][ \t]+|\.\.(?!\.)[ \t]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^[ \t]*(?:[•●▪■◦➢►✓·\uF0B7\uF0A7\uF076\uF0D8\u25AA\u25CF\u2023\u2043\u27A4\u2713\u2714\u25BA\u25B6\u2219\u25CB\u25A1\u25C6\u2666\u2756\u2794\uF0FC\uF0A8\uF06C\uF06E\uF0E8]|[-*–]|o)[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerOnly();

    [GeneratedRegex(@"^[ \t]*(?:\(?\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]\))[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"^[ \t]*o[ \t]+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex LetterO();
}
