namespace Lantern.Core.Coding;

/// <summary>
/// A cheap test that rules a sentence out for a cue phrase before its regular expression runs: the literal words
/// of which every match must contain at least one. Matching several hundred cues against every sentence with the
/// regex engine dominated extraction time; a vectorised substring search rejects almost all of them first.
/// Exact: a sentence is only ruled out when the phrase's pattern (see <see cref="CuePattern"/>) cannot match it.
/// </summary>
internal sealed class CuePrefilter
{
    private readonly string[] _words;

    private CuePrefilter(string[] words) => _words = words;

    /// <summary>The folded literal words, at least one of which every match contains.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>
    /// The prefilter of a phrase, or null when none can be derived (a raw regex, a phrase that can match without a
    /// literal word, or words outside ASCII whose case folding the regex engine treats differently).
    /// </summary>
    public static CuePrefilter? ForPhrase(string phrase)
    {
        var words = Alternatives(phrase, topLevel: true);
        return words is null || words.Count == 0 ? null : new CuePrefilter([.. words.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>True when <paramref name="sentence"/> may hold a match.</summary>
    public bool MayMatch(FoldedSentence sentence)
    {
        foreach (var word in _words)
        {
            // The sentence's letter pairs rule most words out before a substring search.
            if ((word.Length < 2 || sentence.HasPair(word[0], word[1]))
                && sentence.Text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sentence lower-cased so that every character the case-insensitive regex engine equates with an ASCII
    /// letter becomes that letter (the Kelvin sign folds to k by itself; the long s is folded by hand).
    /// </summary>
    public static FoldedSentence Fold(string sentence) => new(FoldText(sentence));

    /// <summary>
    /// Folds a whole text at once (folding is character by character, so a stretch of the result is the fold of the
    /// same stretch of the text).
    /// </summary>
    public static string FoldText(string sentence) =>
        string.Create(sentence.Length, sentence, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                var c = char.ToLowerInvariant(s[i]);
                span[i] = c == '\u017F' ? 's' : c;
            }
        });

    // Mirrors CuePattern.TryTranslate: a bar outside brackets separates whole phrases, any of which may match.
    private static List<string>? Alternatives(string phrase, bool topLevel)
    {
        var alternatives = topLevel ? SplitTopLevel(phrase) : [phrase];
        var words = new List<string>();
        foreach (var alternative in alternatives)
        {
            var own = OnePhrase(alternative);
            if (own is null)
            {
                return null;
            }

            words.AddRange(own);
        }

        return words;
    }

    // Mirrors CuePattern.TryTranslateOne: the first required unit must appear in every match.
    private static List<string>? OnePhrase(string phrase)
    {
        var tokens = Tokenize(phrase).Where(t => t is not ("..." or "…")).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var first = tokens[0];
        var firstOptional = first.Length > 1 && first.EndsWith(")?", StringComparison.Ordinal);
        if (!firstOptional)
        {
            return Unit(first);
        }

        // An optional first unit is followed by a required second one (CuePattern writes it without its "?").
        return tokens.Count > 1 ? Unit(tokens[1].Length > 1 && tokens[1].EndsWith(")?", StringComparison.Ordinal) ? tokens[1][..^1] : tokens[1]) : null;
    }

    private static List<string>? Unit(string token)
    {
        var body = token.Length > 1 && token.EndsWith(")?", StringComparison.Ordinal) ? token[..^1] : token;
        if (body.StartsWith('(') && body.EndsWith(')') && body.Contains(' ', StringComparison.Ordinal))
        {
            var words = new List<string>();
            foreach (var alternative in SplitTopLevel(body[1..^1]))
            {
                var own = OnePhrase(alternative);
                if (own is null)
                {
                    return null;
                }

                words.AddRange(own);
            }

            return words;
        }

        var inner = body.StartsWith('(') && body.EndsWith(')') && body.Length > 2 ? body[1..^1] : body;
        var result = new List<string>();
        foreach (var alternative in inner.Split('|'))
        {
            var word = alternative.TrimEnd('*');
            // Apostrophes and hyphens are optional or variable in the pattern: keep the longest literal run.
            var run = word.Split('\'', '’', '-').MaxBy(r => r.Length) ?? "";
            if (run.Length == 0 || run.Any(c => c > 0x7F || char.IsWhiteSpace(c) || c is '(' or ')' or '*' or '|'))
            {
                return null;
            }

            result.Add(run.ToLowerInvariant());
        }

        return result;
    }

    private static List<string> SplitTopLevel(string phrase)
    {
        var parts = new List<string>();
        var depth = 0;
        var from = 0;
        for (var i = 0; i < phrase.Length; i++)
        {
            depth += phrase[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (phrase[i] == '|' && depth == 0)
            {
                parts.Add(phrase[from..i]);
                from = i + 1;
            }
        }

        parts.Add(phrase[from..]);
        return parts;
    }

    private static List<string> Tokenize(string phrase)
    {
        var tokens = new List<string>();
        var depth = 0;
        var from = -1;
        for (var i = 0; i <= phrase.Length; i++)
        {
            var end = i == phrase.Length;
            if (!end)
            {
                depth += phrase[i] switch { '(' => 1, ')' => -1, _ => 0 };
            }

            if (end || (char.IsWhiteSpace(phrase[i]) && depth == 0))
            {
                if (from >= 0)
                {
                    tokens.Add(phrase[from..i]);
                    from = -1;
                }

                continue;
            }

            if (from < 0)
            {
                from = i;
            }
        }

        return tokens;
    }
}

/// <summary>A sentence folded for <see cref="CuePrefilter"/>, with the set of adjacent ASCII character pairs it holds.</summary>
internal sealed class FoldedSentence
{
    private readonly ulong[] _pairs = new ulong[128 * 128 / 64];

    public FoldedSentence(string text)
    {
        Text = text;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i - 1] < 128 && text[i] < 128)
            {
                var key = (text[i - 1] * 128) + text[i];
                _pairs[key >> 6] |= 1UL << (key & 63);
            }
        }
    }

    /// <summary>The folded text.</summary>
    public string Text { get; }

    /// <summary>True when <paramref name="first"/> is directly followed by <paramref name="second"/> somewhere (ASCII only).</summary>
    public bool HasPair(char first, char second)
    {
        if (first >= 128 || second >= 128)
        {
            return true;
        }

        var key = (first * 128) + second;
        return (_pairs[key >> 6] & (1UL << (key & 63))) != 0;
    }
}
