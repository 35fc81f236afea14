using System.Text;

namespace Lantern.Storage.Search;

/// <summary>The parsed query's tree and how it is written as an FTS5 expression or a tsquery (every word quoted).</summary>
internal sealed partial class SearchQueryParser
{
    /// <summary>How the operators and a quoted word are written in one query language.</summary>
    private sealed record Syntax(string Or, string And, string Not, string NotEnd, Action<string, bool, StringBuilder> Quote);

    private static readonly Syntax Fts5 = new(" OR ", " AND ", " NOT ", ")", Quote);

    // to_tsquery: a quoted phrase becomes its stemmed words joined by <-> (followed by), :* marks a word start.
    private static readonly Syntax TsQuerySyntax = new(" | ", " & ", " & !(", "))", (text, prefix, sb) => sb.Append(TsQuote(text)).Append(prefix ? ":*" : ""));

    /// <summary>A word or phrase as one quoted tsquery operand: nothing typed can inject tsquery syntax.</summary>
    public static string TsQuote(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Writes the FTS5 expression; false when some part only leaves words out.</summary>
    private static bool Render(Node node, StringBuilder sb, Syntax syntax)
    {
        switch (node)
        {
            case TermNode term:
                RenderTerm(term.Token, sb, syntax);
                return true;
            case OrNode or:
                sb.Append('(');
                for (var i = 0; i < or.Alternatives.Count; i++)
                {
                    sb.Append(i > 0 ? syntax.Or : "");
                    if (!Render(or.Alternatives[i], sb, syntax))
                    {
                        return false;
                    }
                }

                sb.Append(')');
                return true;
            case AndNode and:
                if (and.Positives.Count == 0)
                {
                    return false;
                }

                var start = sb.Length;
                sb.Append('(');
                for (var i = 0; i < and.Positives.Count; i++)
                {
                    sb.Append(i > 0 ? syntax.And : "");
                    if (!Render(and.Positives[i], sb, syntax))
                    {
                        return false;
                    }
                }

                sb.Append(')');
                foreach (var negative in and.Negatives)
                {
                    sb.Insert(start, '(').Append(syntax.Not);
                    if (!Render(negative, sb, syntax))
                    {
                        return false;
                    }

                    sb.Append(syntax.NotEnd);
                }

                return true;
            default:
                return false;
        }
    }

    private static void RenderTerm(QueryToken token, StringBuilder sb, Syntax syntax)
    {
        if (token.Synonyms is { } group)
        {
            sb.Append('(');
            for (var i = 0; i < group.Forms.Count; i++)
            {
                sb.Append(i > 0 ? syntax.Or : "");
                var parts = group.Forms[i];
                if (parts.Count == 1)
                {
                    syntax.Quote(parts[0], false, sb);
                    continue;
                }

                sb.Append('(');
                for (var p = 0; p < parts.Count; p++)
                {
                    sb.Append(p > 0 ? syntax.And : "");
                    syntax.Quote(parts[p], false, sb);
                }

                sb.Append(')');
            }

            sb.Append(')');
            return;
        }

        syntax.Quote(token.Text, token.Prefix, sb);
    }

    private static void Quote(string text, bool prefix, StringBuilder sb)
    {
        sb.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        if (prefix)
        {
            sb.Append('*');
        }
    }

    private abstract record Node;

    private sealed record TermNode(QueryToken Token) : Node;

    private sealed record AndNode(IReadOnlyList<Node> Positives, IReadOnlyList<Node> Negatives) : Node;

    private sealed record OrNode(IReadOnlyList<Node> Alternatives) : Node;
}
