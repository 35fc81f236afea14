using System.Text;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

/// <summary>
/// Trims every line, collapses runs of spaces and tabs to one space, collapses runs of blank lines to one blank line and
/// drops leading and trailing blank lines. Form feeds (page breaks) are kept on a line of their own for the page-furniture pass.
/// </summary>
public sealed class WhitespaceNormaliser : ITextNormaliser
{
    public string Normalise(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pendingBlank = false;
        foreach (var raw in text.Replace("\f", "\n\f\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = Collapse(raw);
            if (line.Length == 0)
            {
                pendingBlank = sb.Length > 0;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(pendingBlank && line != "\f" && sb[^1] != '\f' ? "\n\n" : "\n");
            }

            pendingBlank = false;
            sb.Append(line);
        }

        return sb.ToString();
    }

    private static string Collapse(string line)
    {
        var sb = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (c is ' ' or '\t' or '\v' || (c != '\f' && char.IsWhiteSpace(c)))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
