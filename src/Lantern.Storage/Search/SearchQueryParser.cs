using System.Text;

namespace Lantern.Storage.Search;

/// <summary>
/// What a typed query became: a safe FTS5 MATCH expression (null for an empty query, which browses everything),
/// or a plain-English <see cref="Error"/>, and notes on anything that was repaired or left out.
/// </summary>
internal sealed record ParsedQuery(string? MatchExpression, string? Error, IReadOnlyList<string> Notes)
{
    /// <summary>The same query as a PostgreSQL tsquery (for <c>to_tsquery('english', ...)</c>), every word quoted.</summary>
    public string? TsQuery { get; init; }

    public bool IsBrowse => MatchExpression is null && Error is null;
}

/// <summary>
/// Turns what people type into a safe FTS5 expression. Supported: words (all required), "quoted phrases", prefix*,
/// AND, OR, NOT (upper case), -word to leave a word out, brackets; lower-case "or" between two terms means OR and
/// lower-case "and" between two terms is dropped (all words are required anyway), otherwise both are ordinary words.
/// Acronyms and synonyms from <see cref="SynonymTable"/> are widened to every form of their group. Every word is
/// quoted in the output, so no input can inject FTS5 syntax. Never throws.
/// </summary>
internal sealed partial class SearchQueryParser(SynonymTable synonyms)
{
    private const string NothingToSearch =
        "There is nothing to search for. Type one or more words, a \"quoted phrase\", or a word start such as neglect*. AND, OR and NOT join words: neglect NOT physical.";

    private const string OnlyExclusions =
        "A search cannot only leave words out. Add a word to look for, for example: neglect NOT housing, or neglect -housing.";

    public static SearchQueryParser Default { get; } = new(SynonymTable.Default);

    public ParsedQuery Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new ParsedQuery(null, null, []);
        }

        if (query.Length > 1000)
        {
            return new ParsedQuery(null, "That search is too long. Use up to 1,000 characters.", []);
        }

        var notes = new List<string>();
        var tokens = ApplySynonyms(QueryTokenizer.Tokenize(query, notes));
        if (!tokens.Any(t => t.Kind == TokenKind.Term))
        {
            return new ParsedQuery(null, NothingToSearch, notes);
        }

        var state = new State(tokens, notes);
        var node = ParseOr(state, depth: 0);
        while (state.Position < tokens.Count)
        {
            // Only a stray ')' stops the top level early.
            notes.Add("Ignored a closing bracket with no opening bracket.");
            state.Position++;
            var more = ParseOr(state, 0);
            node = node is null ? more : more is null ? node : new AndNode([node, more], []);
        }

        if (node is null)
        {
            return new ParsedQuery(null, NothingToSearch, notes);
        }

        var sb = new StringBuilder();
        var ts = new StringBuilder();
        return Render(node, sb, Fts5) && Render(node, ts, TsQuerySyntax)
            ? new ParsedQuery(sb.ToString(), null, notes) { TsQuery = ts.ToString() }
            : new ParsedQuery(null, OnlyExclusions, notes);
    }

    private List<QueryToken> ApplySynonyms(List<QueryToken> tokens)
    {
        var result = new List<QueryToken>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Term || t.Prefix)
            {
                result.Add(t);
                continue;
            }

            if (t.IsPhrase || t.Negated)
            {
                result.Add(t with { Synonyms = synonyms.Find(t.Text.Split(' ')) });
                continue;
            }

            // The longest run of plain words that names a synonym group.
            var matched = false;
            for (var length = Math.Min(synonyms.MaxWords, tokens.Count - i); length >= 1 && !matched; length--)
            {
                var run = tokens.Skip(i).Take(length).ToList();
                if (run.Any(r => r.Kind != TokenKind.Term || r.IsPhrase || r.Prefix || r.Negated))
                {
                    continue;
                }

                var group = synonyms.Find(run.SelectMany(r => r.Text.Split(' ')));
                if (group is not null)
                {
                    result.Add(new QueryToken(TokenKind.Term, string.Join(' ', run.Select(r => r.Text)), IsPhrase: length > 1) { Synonyms = group });
                    i += length - 1;
                    matched = true;
                }
            }

            if (!matched)
            {
                result.Add(t);
            }
        }

        return result;
    }

    private sealed class State(List<QueryToken> tokens, List<string> notes)
    {
        public List<QueryToken> Tokens { get; } = tokens;
        public List<string> Notes { get; } = notes;
        public int Position { get; set; }
        public QueryToken? Peek => Position < Tokens.Count ? Tokens[Position] : null;
    }

    private static Node? ParseOr(State s, int depth)
    {
        var alternatives = new List<Node>();
        var first = ParseAnd(s, depth);
        if (first is not null)
        {
            alternatives.Add(first);
        }

        while (s.Peek?.Kind == TokenKind.Or)
        {
            s.Position++;
            var next = ParseAnd(s, depth);
            if (next is null || alternatives.Count == 0)
            {
                s.Notes.Add("Ignored OR with nothing on one side of it.");
            }

            if (next is not null)
            {
                alternatives.Add(next);
            }
        }

        return alternatives.Count switch { 0 => null, 1 => alternatives[0], _ => new OrNode(alternatives) };
    }

    private static Node? ParseAnd(State s, int depth)
    {
        var positives = new List<Node>();
        var negatives = new List<Node>();
        while (s.Peek is { } token && token.Kind is not (TokenKind.Or or TokenKind.Close))
        {
            s.Position++;
            switch (token.Kind)
            {
                case TokenKind.And:
                    if (s.Peek is null || s.Peek.Kind is TokenKind.Or or TokenKind.Close or TokenKind.And || (positives.Count == 0 && negatives.Count == 0))
                    {
                        s.Notes.Add("Ignored AND with nothing on one side of it.");
                    }

                    break;
                case TokenKind.Not:
                    var excluded = s.Peek is { Kind: TokenKind.Term or TokenKind.Open } ? ParseUnit(s, depth) : null;
                    if (excluded is null)
                    {
                        s.Notes.Add("Ignored NOT with nothing after it.");
                    }
                    else
                    {
                        negatives.Add(excluded);
                    }

                    break;
                default:
                    s.Position--;
                    var unit = ParseUnit(s, depth);
                    if (unit is not null)
                    {
                        (token.Negated ? negatives : positives).Add(unit);
                    }

                    break;
            }
        }

        if (positives.Count == 0 && negatives.Count == 0)
        {
            return null;
        }

        return positives.Count == 1 && negatives.Count == 0 ? positives[0] : new AndNode(positives, negatives);
    }

    private static Node? ParseUnit(State s, int depth)
    {
        var token = s.Tokens[s.Position++];
        if (token.Kind == TokenKind.Term)
        {
            return new TermNode(token);
        }

        // An opening bracket: brackets nest at most 20 deep, which bounds the work.
        var inner = depth < 20 ? ParseOr(s, depth + 1) : null;
        if (s.Peek?.Kind == TokenKind.Close)
        {
            s.Position++;
        }
        else if (depth < 20)
        {
            s.Notes.Add("Closed a bracket that was left open.");
        }

        return inner;
    }
}
