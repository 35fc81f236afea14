using System.Text;

namespace Lantern.Storage.Search;

/// <summary>The parsed query's tree and how it is written as an FTS5 expression (every word quoted).</summary>
internal sealed partial class SearchQueryParser
{
    /// <summary>Writes the FTS5 expression; false when some part only leaves words out.</summary>
    private static bool Render(Node node, StringBuilder sb)
    {
        switch (node)
        {
            case TermNode term:
                RenderTerm(term.Token, sb);
                return true;
            case OrNode or:
                sb.Append('(');
                for (var i = 0; i < or.Alternatives.Count; i++)
                {
                    sb.Append(i > 0 ? " OR " : "");
                    if (!Render(or.Alternatives[i], sb))
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
                    sb.Append(i > 0 ? " AND " : "");
                    if (!Render(and.Positives[i], sb))
                    {
                        return false;
                    }
                }

                sb.Append(')');
                foreach (var negative in and.Negatives)
                {
                    sb.Insert(start, '(').Append(" NOT ");
                    if (!Render(negative, sb))
                    {
                        return false;
                    }

                    sb.Append(')');
                }

                return true;
            default:
                return false;
        }
    }

    private static void RenderTerm(QueryToken token, StringBuilder sb)
    {
        if (token.Synonyms is { } group)
        {
            sb.Append('(');
            for (var i = 0; i < group.Forms.Count; i++)
            {
                sb.Append(i > 0 ? " OR " : "");
                var parts = group.Forms[i];
                if (parts.Count == 1)
                {
                    Quote(parts[0], prefix: false, sb);
                    continue;
                }

                sb.Append('(');
                for (var p = 0; p < parts.Count; p++)
                {
                    sb.Append(p > 0 ? " AND " : "");
                    Quote(parts[p], prefix: false, sb);
                }

                sb.Append(')');
            }

            sb.Append(')');
            return;
        }

        Quote(token.Text, token.Prefix, sb);
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
