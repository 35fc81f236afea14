using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

/// <summary>
/// Trims every line, collapses runs of spaces and tabs to one space, collapses runs of blank lines to one blank line and
/// drops leading and trailing blank lines. Form feeds (page breaks) are kept on a line of their own for the page-furniture pass.
/// </summary>
public sealed class WhitespaceNormaliser : ITextNormaliser
{
    // Every character char.IsWhiteSpace accepts but the plain space.
    private static readonly System.Buffers.SearchValues<char> OtherWhiteSpace = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c)).ToArray());

    public string Normalise(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);

        // One pass straight into the result, with no string per line. Lines end at '\n'; a form feed stands on a line
        // of its own (as if written "\n\f\n"). A line is written, after the line break (or blank line) that separates
        // it from the text before, when its first non-space character comes; a line with none is blank.
        // The result is written into a pooled buffer: text that is already clean (as it is when this pass runs again
        // at the end of the pipeline) comes back as it is, with nothing allocated.
        var sb = new PooledChars(text.Length);
        try
        {
            var pendingBlank = false;
            var i = 0;
            while (true)
            {
                var started = false;
                var space = false;

                // Most lines are clean already (no white space at their ends, and none but single spaces inside): such a
                // line is written whole, as the loop below would write it character by character.
                var lineLength = text.AsSpan(i).IndexOfAny('\n', '\f');
                var line = lineLength < 0 ? text.AsSpan(i) : text.AsSpan(i, lineLength);
                if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !char.IsWhiteSpace(line[^1])
                    && !line.ContainsAny(OtherWhiteSpace) && !line.Contains("  ", StringComparison.Ordinal))
                {
                    StartLine(ref sb, ref pendingBlank);
                    started = true;
                    sb.Append(line);
                    i += line.Length;
                }

                for (; i < text.Length && text[i] is not ('\n' or '\f'); i++)
                {
                    var c = text[i];
                    if (c is ' ' or '\t' or '\v' || char.IsWhiteSpace(c))
                    {
                        // Spaces at the start of a line are dropped, a run inside it becomes one space, a run at its end goes.
                        space = started;
                        continue;
                    }

                    if (!started)
                    {
                        StartLine(ref sb, ref pendingBlank);
                        started = true;
                    }
                    else if (space)
                    {
                        sb.Append(' ');
                        space = false;
                    }

                    sb.Append(c);
                }

                if (!started)
                {
                    pendingBlank = sb.Length > 0;
                }

                if (i >= text.Length)
                {
                    break;
                }

                if (text[i] == '\f')
                {
                    // The form feed's own line: never preceded by a blank line.
                    if (sb.Length > 0)
                    {
                        sb.Append('\n');
                    }

                    pendingBlank = false;
                    sb.Append('\f');
                }

                i++;
            }

            return sb.Written.SequenceEqual(text) ? text : new string(sb.Written);
        }
        finally
        {
            sb.Dispose();
        }
    }

    // Before a line's first character: the line break (and the blank line, unless a page break stands before it) that
    // separates it from the text already written.
    private static void StartLine(ref PooledChars sb, ref bool pendingBlank)
    {
        if (sb.Length > 0)
        {
            if (pendingBlank && sb.Last != '\f')
            {
                sb.Append('\n');
            }

            sb.Append('\n');
        }

        pendingBlank = false;
    }
}
