using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

/// <summary>
/// Joins wrapped lines so that each paragraph, heading and list item stands on one line. A line is joined to the next
/// (no blank line between) unless the next starts a list item or is a short heading-like line, or the line itself is a
/// heading or ends with a colon; a short capitalised line after a finished sentence is a heading too ("Key learning"),
/// and table rows (cells separated by " | ") stay one per line. When the next line starts with a capital, it is joined only if the line runs to the
/// document's wrap width (hard-wrapped text such as PDF output) or plainly ends mid-phrase (a comma, hyphen or small
/// word such as "and"). Across a blank line or page break, a paragraph is joined only when it ends without
/// . ! ? : ; and the next line starts with a lower-case letter, or it ends mid-phrase and the next line is no heading. Blank lines that separate units are kept.
/// </summary>
public sealed class LineJoinNormaliser : ITextNormaliser
{
    private static readonly HashSet<string> JoiningWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "that", "their", "his", "her", "was", "were", "is", "are", "be",
        "including", "between", "about", "within", "without", "through", "across", "than", "which", "who", "whose", "where",
        "while", "not", "its", "our", "your", "this", "these", "those", "any", "each", "every", "via", "per", "has", "have",
        "had", "will", "would", "should", "could", "can", "may", "must", "been", "being", "but", "nor", "so", "if", "such",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> JoiningWordLookup = JoiningWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Normalise(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wrapWidth = LineShapes.WrapWidth(text);

        // The lines are read in place. The unit being built (its first line, and each line joined to it after a space)
        // is kept in one pooled buffer and written to the result, one per line with a blank line where one separated
        // them (as joining the list of units and blank lines with line breaks would). The result is built in a pooled
        // buffer too and becomes a string only when some line was joined: otherwise it is the text as it came.
        var output = new PooledChars(text.Length);
        var unit = new PooledChars(256);
        try
        {
            var unitLines = 0;
            ReadOnlySpan<char> lastLine = default;
            var pendingBlank = false;
            foreach (var range in text.AsSpan().Split('\n'))
            {
                var line = text.AsSpan(range).Trim();
                if (line.Length == 0)
                {
                    pendingBlank = unitLines > 0;
                    continue;
                }

                if (unitLines > 0)
                {
                    var join = pendingBlank
                        ? JoinsAcrossBlank(unit.Written, unitLines, line)
                        : Joins(unit.Written, unitLines, lastLine, line, wrapWidth);
                    if (join)
                    {
                        unit.Append(' ');
                        unit.Append(line);
                        unitLines++;
                        lastLine = line;
                        pendingBlank = false;
                        continue;
                    }

                    output.Append(unit.Written);
                    output.Append('\n');
                    if (pendingBlank)
                    {
                        output.Append('\n');
                    }
                }

                unit.Clear();
                unit.Append(line);
                unitLines = 1;
                lastLine = line;
                pendingBlank = false;
            }

            if (unitLines > 0)
            {
                output.Append(unit.Written);
            }

            return output.Written.SequenceEqual(text) ? text : new string(output.Written);
        }
        finally
        {
            unit.Dispose();
            output.Dispose();
        }
    }

    // A unit is its text (the first line and every line joined to it, each after a space) and how many lines it has.
    private static bool IsHeadingUnit(ReadOnlySpan<char> unit, int lines) =>
        LineShapes.EndsWithColon(unit) || (lines == 1 && !LineShapes.IsListItem(unit) && LineShapes.IsHeadingLike(unit, 80));

    private static bool Joins(ReadOnlySpan<char> unit, int unitLines, ReadOnlySpan<char> lastLine, ReadOnlySpan<char> next, int? wrapWidth)
    {
        if (LineShapes.IsListItem(next) || LineShapes.IsTableRow(next) || LineShapes.IsTableRow(lastLine))
        {
            return false;
        }

        var full = wrapWidth is { } width && lastLine.Length >= width * 7 / 10;
        var veryFull = wrapWidth is { } w && lastLine.Length >= w * 85 / 100;
        if (LineShapes.EndsWithColon(lastLine))
        {
            // "...provides you with the opportunity to:" / "evaluate and reflect...": a colon that a hard wrap left at
            // the end of a full line, before a lower-case word, is inside a sentence.
            return full && char.IsLower(next[0]);
        }

        // A heading split over two lines ("LEARNING FROM" / "REVIEWS") ends on a word no heading ends on.
        if (EndsMidPhrase(lastLine))
        {
            return true;
        }

        // In hard-wrapped text a line that runs to the wrap width without finishing its sentence goes on, even into a
        // Title Case line ("...The review involved" / "Derbyshire, Nottingham City and Nottinghamshire Safeguarding
        // Children"), unless the next line is a short heading ("Actions Taken").
        if (full && !LineShapes.EndsWithTerminalPunctuation(lastLine))
        {
            var nextIsHeading = LineShapes.IsHeadingLike(next, 80);
            if (char.IsLower(next[0]) || !nextIsHeading)
            {
                return true;
            }

            // Both lines look like headings: a title wrapped over two lines fills the first almost to the margin.
            if (unitLines == 1 && LineShapes.IsHeadingLike(lastLine))
            {
                return veryFull;
            }

            // A paragraph or item running on into a Title Case line, unless that line is a short heading.
            if (!LineShapes.IsShortHeading(next))
            {
                return true;
            }
        }

        if (IsHeadingUnit(unit, unitLines))
        {
            return false;
        }

        if (char.IsLower(next[0]))
        {
            return true;
        }

        if (LineShapes.IsHeadingLike(next, 80) || (LineShapes.EndsWithTerminalPunctuation(lastLine) && LineShapes.IsShortHeading(next)))
        {
            return false;
        }

        // A capitalised continuation is a wrapped line only when the line before ran to the wrap width.
        return full;
    }

    private static bool JoinsAcrossBlank(ReadOnlySpan<char> text, int unitLines, ReadOnlySpan<char> next)
    {
        if (LineShapes.IsListItem(next) || IsHeadingUnit(text, unitLines) || IsAddress(next))
        {
            return false;
        }

        if (char.IsLower(next[0]))
        {
            return !LineShapes.EndsWithTerminalPunctuation(text);
        }

        // "...referred to" / page break / "Children's Social Care": a paragraph never ends on "to", "the" or a comma.
        return EndsMidPhrase(text) && !LineShapes.IsHeadingLike(next, 80);
    }

    // A web address on its own line is a block of its own even though it starts in lower case.
    private static bool IsAddress(ReadOnlySpan<char> line) =>
        line.StartsWith("http", StringComparison.OrdinalIgnoreCase) || line.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool EndsMidPhrase(ReadOnlySpan<char> line)
    {
        var last = line[^1];
        if (last is ',' or '-' or '–' or '&' or '/' or '(')
        {
            return true;
        }

        var space = line.LastIndexOf(' ');
        return space >= 0 && JoiningWordLookup.Contains(line[(space + 1)..]);
    }
}
