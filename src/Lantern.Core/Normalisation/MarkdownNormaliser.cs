using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

/// <summary>
/// Strips Markdown and stray inline HTML (emphasis and link text may run over a line break, not a blank line) so the text reads as printed: heading markers, emphasis (not snake_case),
/// backslash escapes, links (kept as their text, or once when the text is itself the address), images, horizontal rules,
/// block quotes, Markdown table edges and separator rows (a row becomes "cell | cell"), and inline tags such as &lt;u&gt;, &lt;span&gt; (&lt;br&gt; becomes a line break). A dash before a number
/// (<c>- 1. Where</c>) is dropped so the item keeps its printed number.
/// </summary>
public sealed partial class MarkdownNormaliser : ITextNormaliser
{
    // Escaped characters are parked in the private-use area while emphasis is removed, then restored.
    private const char EscapeBase = '\uE000';

    public string Normalise(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Each pattern needs a character that plain prose often lacks ('<' for tags, '#' for headings, '*' for
        // emphasis…); a pass whose character is absent cannot match and is skipped. The passes only remove characters
        // or keep some of a match's own (and add line breaks and parked escapes, which no pattern below needs), so a
        // character absent from the text at the start is absent before every pass.
        var lt = text.Contains('<', StringComparison.Ordinal);
        var star = text.Contains('*', StringComparison.Ordinal);
        var underscore = text.Contains('_', StringComparison.Ordinal);
        var dash = text.Contains('-', StringComparison.Ordinal);
        var hash = text.Contains('#', StringComparison.Ordinal);
        var pipe = text.Contains('|', StringComparison.Ordinal);
        if (lt)
        {
            text = LineBreakTag().Replace(text, "\n");
            text = InlineTag().Replace(text, "");
        }

        if (text.Contains('[', StringComparison.Ordinal))
        {
            text = Image().Replace(text, "");
            text = Link().Replace(text, LinkText);
        }

        if (lt)
        {
            text = AutoLink().Replace(text, "$1");
        }

        if (text.Contains('\\', StringComparison.Ordinal))
        {
            text = Escape().Replace(text, m => ((char)(EscapeBase + m.Groups[1].Value[0])).ToString());
        }

        if (pipe)
        {
            text = TableSeparator().Replace(text, "");
            text = TableRowEdges().Replace(text, "$1");
        }

        if (star || dash || underscore || text.Contains('=', StringComparison.Ordinal))
        {
            text = Rule().Replace(text, "");
        }

        if (hash)
        {
            text = Heading().Replace(text, "");
            text = HeadingClose().Replace(text, "");
        }

        if (text.Contains('>', StringComparison.Ordinal))
        {
            text = Quote().Replace(text, "");
        }

        if (star || dash || text.Contains('+', StringComparison.Ordinal) || text.Contains('–', StringComparison.Ordinal))
        {
            text = DashBeforeNumber().Replace(text, "$1");
        }

        for (var pass = 0; pass < 2; pass++)
        {
            if (star)
            {
                text = StrongStars().Replace(text, "$1");
            }

            if (underscore)
            {
                text = StrongUnderscores().Replace(text, "$1");
            }

            if (star)
            {
                text = EmphasisStar().Replace(text, "$1");
            }

            if (underscore)
            {
                text = EmphasisUnderscore().Replace(text, "$1");
            }
        }

        if (text.Contains('~', StringComparison.Ordinal))
        {
            text = Strike().Replace(text, "$1");
        }

        if (text.Contains('`', StringComparison.Ordinal))
        {
            text = Code().Replace(text, "$1");
        }

        return text.AsSpan().ContainsAnyInRange('\uE000', '\uE07F')
            ? Parked().Replace(text, m => ((char)(m.Value[0] - EscapeBase)).ToString())
            : text;
    }

    private static string LinkText(Match m)
    {
        var label = m.Groups[1].Value.Trim();
        var target = m.Groups[2].Value.Trim();
        if (LooksLikeAddress(label))
        {
            // "[http://x](http://x)": keep one copy; the target is free of Markdown escapes.
            return LooksLikeAddress(target) ? target : label;
        }

        return label;
    }

    private static bool LooksLikeAddress(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        s.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"</?(?:u|b|i|em|strong|span|font|sup|sub|small|big|mark|s|strike|del|ins|a|p|div|center|abbr|cite|code|kbd|q|tt|wbr)(?:\s[^<>\n]*)?/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"!\[[^\]\n]*\]\([^)\n]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[((?:[^\]\n]|\n(?!\n))+)\]\(\s*<?([^)\s>]*)>?(?:\s+""[^""\n]*"")?\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"<((?:https?://|mailto:)[^<>\s]+)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|<>~])", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();

    [GeneratedRegex(@"[\uE000-\uE07F]", RegexOptions.CultureInvariant)]
    private static partial Regex Parked();

    [GeneratedRegex(@"^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Rule();

    // "|---|:--:|" under a Markdown table's header row.
    [GeneratedRegex(@"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?)?[ \t]*(?:\n|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TableSeparator();

    // "| Agency | Action |" → "Agency | Action", the row shape the loaders write.
    [GeneratedRegex(@"^[ \t]*\|[ \t]*(.*?\S.*?)[ \t]*\|[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TableRowEdges();

    [GeneratedRegex(@"^[ \t]*#{1,6}[ \t]+", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[ \t]+#{1,6}[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingClose();

    [GeneratedRegex(@"^[ \t]*>[ \t]?", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Quote();

    [GeneratedRegex(@"^[ \t]*[-*+–][ \t]+(\(?\d{1,3}[.)][ \t])", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DashBeforeNumber();

    [GeneratedRegex(@"\*\*(?=\S)((?:[^\n]|\n(?!\n))+?)(?<=\S)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex StrongStars();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])__(?=\S)((?:[^\n]|\n(?!\n))+?)(?<=\S)__(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant)]
    private static partial Regex StrongUnderscores();

    [GeneratedRegex(@"(?<![\p{L}\p{N}*\\])\*(?=[^\s*])((?:[^*\n]|\n(?![\n*]))+?)(?<=[^\s*])\*(?![\p{L}\p{N}*])", RegexOptions.CultureInvariant)]
    private static partial Regex EmphasisStar();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])_(?=[^\s_])((?:[^_\n]|\n(?![\n_]))+?)(?<=[^\s_])_(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant)]
    private static partial Regex EmphasisUnderscore();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~", RegexOptions.CultureInvariant)]
    private static partial Regex Strike();

    [GeneratedRegex(@"`([^`\n]+)`", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
