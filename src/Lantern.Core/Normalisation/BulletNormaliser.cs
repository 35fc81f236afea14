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
        var wrapWidth = LineShapes.WrapWidth(text);

        // The text's lines are read in place. The lines written (rewritten or merged, or as they were) go one after
        // another into a pooled buffer, each found by its place there; merged lines are put together in a second one
        // first. The result becomes a string only when it differs from the text.
        var source = new List<(int Start, int Length)>(text.AsSpan().Count('\n') + 1);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var (start, length) = range.GetOffsetAndLength(text.Length);
            source.Add((start, length));
        }

        var written = new PooledChars(text.Length + 64);
        var merged = new PooledChars(256);
        var lines = new List<(int Start, int Length)>(source.Count);
        try
        {
            var changed = false;
            for (var i = 0; i < source.Count; i++)
            {
                var line = Line(text, source[i]);
                var hasNext = i + 1 < source.Count && Line(text, source[i + 1]).Trim().Length > 0;
                if (hasNext && MarkerOnly().IsMatch(line))
                {
                    // pdftotext often puts the bullet glyph on a line of its own.
                    merged.Clear();
                    merged.Append(line.Trim());
                    merged.Append(' ');
                    merged.Append(Line(text, source[++i]).Trim());
                    line = merged.Written;
                    changed = true;
                }
                else if (hasNext && NumberOnly().IsMatch(line) && !NumberOnly().IsMatch(Line(text, source[i + 1])))
                {
                    // "1." on its own line, its text on the next: one numbered item.
                    var at = written.Length;
                    written.Append(line.Trim());
                    written.Append(' ');
                    written.Append(Line(text, source[++i]).Trim());
                    lines.Add((at, written.Length - at));
                    changed = true;
                    continue;
                }

                var markerLength = MarkerLength(line);
                var isBullet = markerLength > 0 && markerLength < line.Length && !IsWrappedDash(line, written.Written, lines, wrapWidth);
                var start = written.Length;
                if (isBullet)
                {
                    written.Append(LineShapes.Bullet);
                    written.Append(line[markerLength..].TrimStart());
                }
                else
                {
                    written.Append(line);
                }

                lines.Add((start, written.Length - start));
                changed |= isBullet;
            }

            for (var i = 0; i < lines.Count; i++)
            {
                var line = Line(written.Written, lines[i]);
                var m = LetterOLength(line);
                if (m > 0 && m < line.Length && InListContext(written.Written, lines, i))
                {
                    // The line is rewritten where it stands: "• " is no longer than the marker it replaces.
                    var rest = line[m..].TrimStart();
                    var (start, _) = lines[i];
                    var buffer = written.Writable;
                    rest.CopyTo(buffer[(start + LineShapes.Bullet.Length)..]);
                    LineShapes.Bullet.CopyTo(buffer[start..]);
                    lines[i] = (start, LineShapes.Bullet.Length + rest.Length);
                    changed = true;
                }
            }

            if (!changed)
            {
                return text;
            }

            // The lines joined with line breaks, as string.Join('\n', lines) would; the text itself when that is what they give.
            merged.Clear();
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0)
                {
                    merged.Append('\n');
                }

                merged.Append(Line(written.Written, lines[i]));
            }

            return merged.Written.SequenceEqual(text) ? text : new string(merged.Written);
        }
        finally
        {
            merged.Dispose();
            written.Dispose();
        }
    }

    private static ReadOnlySpan<char> Line(ReadOnlySpan<char> buffer, (int Start, int Length) range) => buffer.Slice(range.Start, range.Length);

    // Length of the bullet marker the Marker pattern finds at the start of the line, 0 when none (the pattern is anchored).
    private static int MarkerLength(ReadOnlySpan<char> line)
    {
        foreach (var m in Marker().EnumerateMatches(line))
        {
            return m.Length;
        }

        return 0;
    }

    private static int LetterOLength(ReadOnlySpan<char> line)
    {
        foreach (var m in LetterO().EnumerateMatches(line))
        {
            return m.Length;
        }

        return 0;
    }

    // "...convicted after the trial last year" / "- one for assault": a spaced dash that a hard wrap moved to the start
    // of a line continues the sentence above; it is not a bullet.
    private static bool IsWrappedDash(ReadOnlySpan<char> line, ReadOnlySpan<char> buffer, List<(int Start, int Length)> done, int? wrapWidth)
    {
        var t = line.TrimStart();
        if (t.Length == 0 || t[0] is not ('-' or '–') || done.Count == 0 || wrapWidth is not { } width)
        {
            return false;
        }

        // Inside a list (a bullet within the last few lines of this block) a dash starts the next item.
        for (var j = done.Count - 1; j >= Math.Max(0, done.Count - 4) && Line(buffer, done[j]).Trim().Length > 0; j--)
        {
            if (Line(buffer, done[j]).StartsWith(LineShapes.Bullet, StringComparison.Ordinal))
            {
                return false;
            }
        }

        var p = Line(buffer, done[^1]).Trim();
        return p.Length >= width * 7 / 10 && !LineShapes.IsListItem(p) && !LineShapes.EndsWithTerminalPunctuation(p) &&
               !LineShapes.EndsWithColon(p) && !LineShapes.IsHeadingLike(p);
    }

    private static bool InListContext(ReadOnlySpan<char> buffer, List<(int Start, int Length)> lines, int i)
    {
        var previous = Neighbour(buffer, lines, i, -1, out var hasPrevious);
        var next = Neighbour(buffer, lines, i, +1, out var hasNext);
        return (hasPrevious && IsBulletish(previous)) || (hasNext && IsBulletish(next)) || (hasPrevious && LineShapes.EndsWithColon(previous));
    }

    private static bool IsBulletish(ReadOnlySpan<char> line) =>
        line.StartsWith(LineShapes.Bullet, StringComparison.Ordinal) || LetterO().IsMatch(line);

    // The nearest line in the given direction with any text, trimmed; found is false when there is none.
    private static ReadOnlySpan<char> Neighbour(ReadOnlySpan<char> buffer, List<(int Start, int Length)> lines, int i, int step, out bool found)
    {
        for (var j = i + step; j >= 0 && j < lines.Count; j += step)
        {
            var line = Line(buffer, lines[j]).Trim();
            if (line.Length > 0)
            {
                found = true;
                return line;
            }
        }

        found = false;
        return default;
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
