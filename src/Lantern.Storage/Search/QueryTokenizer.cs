using System.Text;

namespace Lantern.Storage.Search;

internal enum TokenKind { Term, And, Or, Not, Open, Close }

/// <summary>A piece of a typed query. A term is a word (<see cref="IsPhrase"/> false) or a quoted phrase.</summary>
internal sealed record QueryToken(TokenKind Kind, string Text = "", bool IsPhrase = false, bool Prefix = false, bool Negated = false)
{
    public SynonymGroup? Synonyms { get; init; }
}

/// <summary>Splits what a person typed into words, "phrases", prefix*, -exclusions, AND/OR/NOT and brackets.</summary>
internal static class QueryTokenizer
{
    public static List<QueryToken> Tokenize(string query, ICollection<string> notes)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '(' || c == ')')
            {
                tokens.Add(new QueryToken(c == '(' ? TokenKind.Open : TokenKind.Close));
                i++;
                continue;
            }

            var negated = false;
            if (c == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]))
            {
                negated = true;
                i++;
                c = query[i];
            }

            if (c == '"')
            {
                var end = query.IndexOf('"', i + 1);
                if (end < 0)
                {
                    notes.Add("The quotation mark was not closed, so the phrase runs to the end of the search.");
                    end = query.Length;
                }

                var phrase = Clean(query[(i + 1)..end]);
                i = Math.Min(query.Length, end + 1);
                var prefix = i < query.Length && query[i] == '*';
                if (prefix)
                {
                    i++;
                }

                if (phrase.Length > 0)
                {
                    tokens.Add(new QueryToken(TokenKind.Term, phrase, IsPhrase: phrase.Contains(' ', StringComparison.Ordinal), Prefix: prefix, Negated: negated));
                }

                continue;
            }

            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('"' or '(' or ')'))
            {
                i++;
            }

            var raw = query[start..i];
            switch (raw)
            {
                case "AND" or "&&" or "+" when !negated:
                    tokens.Add(new QueryToken(TokenKind.And, raw));
                    continue;
                case "OR" or "||" or "|" when !negated:
                    tokens.Add(new QueryToken(TokenKind.Or, raw));
                    continue;
                case "NOT" when !negated:
                    tokens.Add(new QueryToken(TokenKind.Not, raw));
                    continue;
            }

            var isPrefix = raw.EndsWith('*');
            var word = Clean(raw.Replace("*", " ", StringComparison.Ordinal));
            if (word.Length == 0)
            {
                notes.Add($"Left out \u201c{raw}\u201d: it has no letters or digits to look for.");
                continue;
            }

            if (isPrefix && word.Contains(' ', StringComparison.Ordinal))
            {
                isPrefix = false;
            }

            tokens.Add(new QueryToken(TokenKind.Term, word, IsPhrase: word.Contains(' ', StringComparison.Ordinal), Prefix: isPrefix, Negated: negated));
        }

        return ResolveLowerCaseOperators(tokens);
    }

    // People type "neglect or abuse" meaning either; "and" between two terms adds nothing (all words are required anyway).
    // Elsewhere ("and" at the start, "or" alone) they are ordinary words.
    private static List<QueryToken> ResolveLowerCaseOperators(List<QueryToken> tokens)
    {
        var result = new List<QueryToken>(tokens.Count);
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            var between = k > 0 && k < tokens.Count - 1
                && tokens[k - 1].Kind is TokenKind.Term or TokenKind.Close
                && tokens[k + 1].Kind is TokenKind.Term or TokenKind.Open;
            if (t is { Kind: TokenKind.Term, IsPhrase: false, Prefix: false, Negated: false } && between)
            {
                if (string.Equals(t.Text, "or", StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(new QueryToken(TokenKind.Or, t.Text));
                    continue;
                }

                if (string.Equals(t.Text, "and", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }

            result.Add(t);
        }

        return result;
    }

    /// <summary>Keeps letters, digits, apostrophes and hyphens inside words; everything else separates words.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            sb.Append(char.IsLetterOrDigit(ch) || ch is '\'' or '\u2019' or '-' or '&' ? ch : ' ');
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('\'', '\u2019', '-', '&'))
            .Where(w => w.Any(char.IsLetterOrDigit));
        return string.Join(' ', words);
    }
}
