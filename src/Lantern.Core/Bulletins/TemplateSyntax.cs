namespace Lantern.Core.Bulletins;

internal enum SectionKind { Repeat, Conditional, Inverted }

internal abstract record TemplateNode;

internal sealed record TextNode(string Text) : TemplateNode;

internal sealed record VariableNode(string Name) : TemplateNode;

internal sealed record SectionNode(SectionKind Kind, string Name, IReadOnlyList<TemplateNode> Children) : TemplateNode;

internal enum TokenKind { Text, Variable, Open, OpenConditional, OpenInverted, Close }

internal sealed record TemplateToken(TokenKind Kind, string Value, int Line);

/// <summary>Splits template text into text and tags; a block tag alone on its line swallows the line.</summary>
internal static class TemplateLexer
{
    public static List<TemplateToken> Tokenise(string text, string templateName)
    {
        var tokens = new List<TemplateToken>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                tokens.Add(new(TokenKind.Text, text[position..], LineOf(text, position)));
                break;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new BulletinTemplateException($"{templateName}, line {LineOf(text, open)}: '{{{{' is not closed with '}}}}'");
            }

            var inner = text[(open + 2)..close].Trim();
            var line = LineOf(text, open);
            var (kind, value) = Classify(inner, templateName, line);
            var end = close + 2;
            var start = open;
            if (kind is not TokenKind.Variable && StandsAlone(text, open, end, out var lineStart, out var lineEnd))
            {
                start = Math.Max(lineStart, position);
                end = lineEnd;
            }

            if (start > position)
            {
                tokens.Add(new(TokenKind.Text, text[position..start], LineOf(text, position)));
            }

            if (kind is not TokenKind.Text)
            {
                tokens.Add(new(kind, value, line));
            }

            position = end;
        }

        return tokens;
    }

    // A comment comes back as an empty Text token kind, which the caller drops.
    private static (TokenKind Kind, string Value) Classify(string inner, string templateName, int line)
    {
        if (inner.StartsWith('!'))
        {
            return (TokenKind.Text, "");
        }

        var (kind, name) = inner.Length > 0 && inner[0] is '#' or '?' or '^' or '/'
            ? (inner[0] switch { '#' => TokenKind.Open, '?' => TokenKind.OpenConditional, '^' => TokenKind.OpenInverted, _ => TokenKind.Close }, inner[1..].Trim())
            : (TokenKind.Variable, inner);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new BulletinTemplateException($"{templateName}, line {line}: '{{{{{inner}}}}}' is not a tag (names are letters, digits, '-', '_' or '.')");
        }

        return (kind, name);
    }

    private static bool StandsAlone(string text, int open, int end, out int lineStart, out int lineEnd)
    {
        lineStart = open == 0 ? 0 : text.LastIndexOf('\n', open - 1) + 1;
        var next = text.IndexOf('\n', end);
        lineEnd = next < 0 ? text.Length : next + 1;
        return string.IsNullOrWhiteSpace(text[lineStart..open]) && string.IsNullOrWhiteSpace(text[end..(next < 0 ? text.Length : next)]);
    }

    private static int LineOf(string text, int offset) => 1 + text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');
}

/// <summary>Builds the tree of sections from the tokens, checking that every section is closed by its own name.</summary>
internal static class TemplateParser
{
    public static List<TemplateNode> ParseBlock(List<TemplateToken> tokens, ref int index, TemplateToken? opener, int depth, string templateName)
    {
        if (depth > BulletinTemplate.MaxDepth)
        {
            throw new BulletinTemplateException($"{templateName}, line {opener?.Line}: sections nest more than {BulletinTemplate.MaxDepth} deep");
        }

        var nodes = new List<TemplateNode>();
        while (index < tokens.Count)
        {
            var token = tokens[index++];
            switch (token.Kind)
            {
                case TokenKind.Text:
                    nodes.Add(new TextNode(token.Value));
                    break;
                case TokenKind.Variable:
                    nodes.Add(new VariableNode(token.Value));
                    break;
                case TokenKind.Close when opener is not null && token.Value == opener.Value:
                    return nodes;
                case TokenKind.Close:
                    throw new BulletinTemplateException(opener is null
                        ? $"{templateName}, line {token.Line}: '{{{{/{token.Value}}}}}' closes a section that was never opened"
                        : $"{templateName}, line {token.Line}: '{{{{/{token.Value}}}}}' found where '{{{{/{opener.Value}}}}}' (opened on line {opener.Line}) was expected");
                default:
                    var kind = token.Kind switch { TokenKind.OpenConditional => SectionKind.Conditional, TokenKind.OpenInverted => SectionKind.Inverted, _ => SectionKind.Repeat };
                    var children = ParseBlock(tokens, ref index, token, depth + 1, templateName);
                    nodes.Add(new SectionNode(kind, token.Value, children));
                    break;
            }
        }

        if (opener is not null)
        {
            throw new BulletinTemplateException($"{templateName}, line {opener.Line}: '{{{{{Prefix(opener.Kind)}{opener.Value}}}}}' is never closed with '{{{{/{opener.Value}}}}}'");
        }

        return nodes;
    }

    private static string Prefix(TokenKind kind) => kind switch { TokenKind.OpenConditional => "?", TokenKind.OpenInverted => "^", _ => "#" };
}
