using System.Text;
using System.Text.RegularExpressions;

namespace Lantern.Core.Bulletins;

/// <summary>Makes document text safe to place in Markdown: it reads as the same plain text, and cannot add markup.</summary>
internal static partial class MarkdownText
{
    /// <summary>
    /// Escapes Markdown's punctuation and raw HTML, folds line breaks into spaces, and turns bare web addresses into
    /// autolinks (which show the address and cannot carry a script).
    /// </summary>
    public static string Escape(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var folded = Whitespace().Replace(value, " ").Trim();
        var output = new StringBuilder(folded.Length + 16);
        var position = 0;
        foreach (Match url in WebAddress().Matches(folded))
        {
            EscapeText(folded[position..url.Index], output, atStart: position == 0);
            output.Append('<').Append(url.Value).Append('>');
            position = url.Index + url.Length;
        }

        EscapeText(folded[position..], output, atStart: position == 0);
        return output.ToString();
    }

    private static void EscapeText(string text, StringBuilder output, bool atStart)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && i > 0 && i < text.Length - 1 && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]))
            {
                // An underscore inside a word (file_name_1) cannot start emphasis, so it needs no backslash.
                output.Append(c);
                continue;
            }

            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '&' or '!' or '{' or '}')
            {
                output.Append('\\');
            }
            else if (atStart && i == 0 && c is '#' or '-' or '+' or '=')
            {
                output.Append('\\');
            }
            else if (atStart && char.IsAsciiDigit(c) && LeadingListNumber(text, i))
            {
                // "1. Something" at the start of a line would become a numbered list.
                output.Append(text.AsSpan(0, NumberLength(text))).Append('\\');
                i = NumberLength(text) - 1;
                continue;
            }

            output.Append(c);
        }
    }

    private static bool LeadingListNumber(string text, int i)
    {
        if (i != 0)
        {
            return false;
        }

        var n = NumberLength(text);
        return n < text.Length && text[n] is '.' or ')';
    }

    private static int NumberLength(string text)
    {
        var n = 0;
        while (n < text.Length && char.IsAsciiDigit(text[n]))
        {
            n++;
        }

        return n;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A web address up to the next space or angle bracket, without trailing sentence punctuation.
    [GeneratedRegex(@"\bhttps?://[^\s<>""\\`]+?(?=[.,;:!?)\]]*(?:\s|$))", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
