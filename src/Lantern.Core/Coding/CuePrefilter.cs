namespace Lantern.Core.Coding;

/// <summary>A literal word a prefilter looks for: lower-cased, or (for an acronym) exactly as written.</summary>
/// <param name="Text">The word (folded unless <paramref name="CaseSensitive"/>).</param>
/// <param name="CaseSensitive">True for an acronym, which the pattern matches only in capitals: it is looked for in the unfolded text.</param>
/// <param name="WordStart">
/// True when every match of the pattern has the word where no letter, digit or underscore stands just before it in
/// the sentence (a phrase word begins after <c>(?&lt;![\w])</c>, see <see cref="CuePattern"/>): it then need only be
/// looked for at such positions (see <see cref="AtWordStart"/>). False for a word that may stand anywhere (a raw
/// regex's letters, the part of a word after a hyphen or apostrophe).
/// </param>
internal readonly record struct PrefilterWord(string Text, bool CaseSensitive, bool WordStart = false)
{
    /// <summary>
    /// True unless the character before <paramref name="index"/> of <paramref name="sentence"/> (the text the
    /// pattern runs on, as written) is an ASCII letter, digit or underscore, each of which <c>\w</c> matches; any other
    /// character (even a non-ASCII letter) counts as a possible word start, so the test only ever lets more through.
    /// </summary>
    public static bool AtWordStart(ReadOnlySpan<char> sentence, int index) => index == 0 || !IsAsciiWordChar(sentence[index - 1]);

    /// <summary>True for an ASCII letter, digit or underscore.</summary>
    public static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

/// <summary>
/// A cheap test that rules a sentence out for a cue before its regular expression runs: groups of literal words,
/// where every match of the cue contains at least one word of each group (for a phrase, one group per required word
/// of it; for a raw regex, the plain letters it requires outside any group). Matching several hundred cues against
/// every sentence with the regex engine dominated extraction time; a vectorised substring search rejects almost all
/// of them first. Exact: a sentence is only ruled out when the cue's pattern (see <see cref="CuePattern"/>) cannot
/// match it.
/// </summary>
internal sealed class CuePrefilter
{
    private readonly PrefilterWord[][] _groups;

    private CuePrefilter(PrefilterWord[][] groups) => _groups = groups;

    /// <summary>The groups of words; every match contains a word of each group.</summary>
    public IReadOnlyList<IReadOnlyList<PrefilterWord>> Groups => _groups;

    /// <summary>
    /// For a phrase of several whole alternative phrases ("a b|c d"), the filter of each alternative (null otherwise):
    /// a match is a match of one of them, so a sentence may only match when it passes one of these filters, a test
    /// stricter than <see cref="Groups"/> (which requires just one word of any alternative).
    /// </summary>
    public IReadOnlyList<CuePrefilter>? Alternatives { get; private set; }

    /// <summary>Every word of every group, as looked for (folded, or in capitals for an acronym).</summary>
    public IReadOnlyList<string> Words => [.. _groups.SelectMany(g => g).Select(w => w.Text).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The prefilter of a phrase, or null when none can be derived (a phrase that can match without a literal word,
    /// or words outside ASCII whose case folding the regex engine treats differently).
    /// </summary>
    public static CuePrefilter? ForPhrase(string phrase)
    {
        var alternatives = SplitTopLevel(phrase);
        if (alternatives.Count == 1)
        {
            return Of(RequiredGroups(phrase));
        }

        // Any one of several whole phrases may match: one group of each alternative's most telling words.
        var union = new List<PrefilterWord>();
        var each = new List<CuePrefilter>();
        foreach (var alternative in alternatives)
        {
            var groups = RequiredGroups(alternative);
            if (Best(groups) is not { } group)
            {
                return null;
            }

            union.AddRange(group);
            each.Add(Of(groups)!);
        }

        var filter = Of([union])!;
        filter.Alternatives = each;
        return filter;
    }

    /// <summary>
    /// The prefilter of a raw regular expression (compiled with <see cref="CuePattern"/>'s options), or null when none
    /// can be derived safely: the runs of plain ASCII letters and digits that stand outside every group, class and
    /// alternation and carry no quantifier, each of which every match must contain. Any construct this reading does
    /// not understand (an escape other than \b \B \w \W \s \S \d \D or an escaped symbol, a top-level alternation,
    /// inline options) gives no prefilter.
    /// </summary>
    public static CuePrefilter? ForRegex(string pattern)
    {
        var groups = new List<List<PrefilterWord>>();
        var run = new System.Text.StringBuilder();
        var depth = 0;

        void EndRun(bool dropLast)
        {
            if (dropLast && run.Length > 0)
            {
                run.Length--;
            }

            if (run.Length > 0)
            {
                groups.Add([new PrefilterWord(run.ToString().ToLowerInvariant(), false)]);
            }

            run.Clear();
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return null;
                    }

                    var e = pattern[++i];
                    if (char.IsAsciiLetterOrDigit(e) && e is not ('b' or 'B' or 'w' or 'W' or 's' or 'S' or 'd' or 'D'))
                    {
                        return null;
                    }

                    // The escape may carry a quantifier, which then applies to it, not to the run before it.
                    EndRun(false);
                    break;
                case '[':
                    // A character class: skip to its closing bracket (a ']' first in the class is a literal).
                    var j = i + 1;
                    if (j < pattern.Length && pattern[j] == '^')
                    {
                        j++;
                    }

                    if (j < pattern.Length && pattern[j] == ']')
                    {
                        return null;
                    }

                    while (j < pattern.Length && pattern[j] != ']')
                    {
                        if (pattern[j] == '\\')
                        {
                            j++;
                        }

                        j++;
                    }

                    if (j >= pattern.Length)
                    {
                        return null;
                    }

                    EndRun(false);
                    i = j;
                    break;
                case '(':
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?' && !(i + 2 < pattern.Length && pattern[i + 2] is ':' or '=' or '!' or '<' or '>'))
                    {
                        // Inline options ((?i), (?x-s:…)) could change how the letters after them are read.
                        return null;
                    }

                    EndRun(false);
                    depth++;
                    break;
                case ')':
                    EndRun(false);
                    depth--;
                    break;
                case '|':
                    if (depth == 0)
                    {
                        return null;
                    }

                    EndRun(false);
                    break;
                case '*' or '+' or '?':
                    // The quantifier applies to the last character of the run (or to a group or escape already ended).
                    EndRun(dropLast: true);
                    break;
                case '{':
                    // {n}, {n,} or {n,m}: as above, and its digits are no literal.
                    EndRun(dropLast: true);
                    i = pattern.IndexOf('}', i);
                    if (i < 0)
                    {
                        return null;
                    }

                    break;
                default:
                    if (depth == 0 && char.IsAsciiLetterOrDigit(c))
                    {
                        run.Append(c);
                    }
                    else
                    {
                        EndRun(false);
                    }

                    break;
            }
        }

        EndRun(false);
        return Of(groups);
    }

    /// <summary>True when <paramref name="sentence"/> may hold a match (passing the filter of one alternative, when there are several).</summary>
    public bool MayMatch(FoldedSentence sentence) => MayMatchGroups(sentence) && (Alternatives is null || Alternatives.Any(a => a.MayMatch(sentence)));

    private bool MayMatchGroups(FoldedSentence sentence)
    {
        foreach (var group in _groups)
        {
            if (!group.Any(sentence.Contains))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The sentence lower-cased so that every character the case-insensitive regex engine equates with an ASCII
    /// letter becomes that letter (the Kelvin sign folds to k by itself; the long s is folded by hand).
    /// </summary>
    public static FoldedSentence Fold(string sentence) => new(sentence, FoldText(sentence));

    /// <summary>
    /// Folds a whole text at once (folding is character by character, so a stretch of the result is the fold of the
    /// same stretch of the text).
    /// </summary>
    public static string FoldText(string sentence) =>
        string.Create(sentence.Length, sentence, static (span, s) =>
        {
            var i = 0;
            while (i < s.Length)
            {
                // Runs of ASCII at vector speed (Ascii.ToLower lowers A-Z as ToLowerInvariant does and stops at the
                // first character outside ASCII), the rest one by one.
                System.Text.Ascii.ToLower(s.AsSpan(i), span[i..], out var written);
                i += written;
                if (i < s.Length)
                {
                    var c = char.ToLowerInvariant(s[i]);
                    span[i] = c == '\u017F' ? 's' : c;
                    i++;
                }
            }
        });

    /// <summary>The group to index a cue under: the one whose shortest word is longest (long words are rare).</summary>
    public static IReadOnlyList<PrefilterWord>? Best(IReadOnlyList<IReadOnlyList<PrefilterWord>>? groups) =>
        groups is null || groups.Count == 0 ? null : groups.MaxBy(g => g.Min(w => w.Text.Length));

    private static CuePrefilter? Of(IReadOnlyList<IReadOnlyList<PrefilterWord>>? groups)
    {
        if (groups is null || groups.Count == 0)
        {
            return null;
        }

        // A group that a one-letter word, or a two-letter one that may stand anywhere, satisfies rules out almost no
        // sentence, yet costs a look-up wherever those letters stand: keep such groups only when nothing better is
        // required. (A two-letter word at a word start costs a look-up at word starts only, and some, "cp", "gp", are
        // rare.) Requiring fewer groups only lets more sentences through to the pattern, so the filter stays exact.
        static bool Weak(IReadOnlyList<PrefilterWord> group) => group.Any(w => !w.CaseSensitive && (w.Text.Length < 2 || (w.Text.Length < 3 && !w.WordStart)));
        var kept = groups.Any(g => !Weak(g)) ? groups.Where(g => !Weak(g)).ToList() : groups;
        return new CuePrefilter([.. kept.Select(g => g.Distinct().ToArray())]);
    }

    // Mirrors CuePattern.TryTranslateOne: the units a match must contain (every unit not marked optional; when the
    // first unit is optional, the second is written without its own "?"), each as the words one of which it holds.
    private static List<IReadOnlyList<PrefilterWord>>? RequiredGroups(string phrase)
    {
        var tokens = Tokenize(phrase).Where(t => t is not ("..." or "…")).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        static bool Optional(string token) => token.Length > 1 && token.EndsWith(")?", StringComparison.Ordinal);
        var groups = new List<IReadOnlyList<PrefilterWord>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (Optional(token))
            {
                if (i > 0 || tokens.Count == 1)
                {
                    continue;
                }

                // An optional first unit is followed by a required second one (CuePattern writes it without its "?").
                i++;
                token = Optional(tokens[i]) ? tokens[i][..^1] : tokens[i];
            }

            if (Unit(token) is not { } unitGroups)
            {
                return null;
            }

            groups.AddRange(unitGroups);
        }

        return groups.Count == 0 ? null : groups;
    }

    // The groups one unit (a word with its alternatives, or a bracketed group of phrases) requires: one group of a word
    // from each alternative, and for a word without alternatives also each further literal run of it ("bed-shar*" needs
    // both "bed" and "shar": the pattern only makes the hyphen between them optional).
    private static List<IReadOnlyList<PrefilterWord>>? Unit(string body)
    {
        if (UnitWords(body) is not { } words)
        {
            return null;
        }

        var groups = new List<IReadOnlyList<PrefilterWord>> { words };
        var inner = body.StartsWith('(') && body.EndsWith(')') && body.Length > 2 ? body[1..^1] : body;
        if (!inner.Contains('|', StringComparison.Ordinal) && !inner.Contains(' ', StringComparison.Ordinal))
        {
            var word = inner.TrimEnd('*');
            var stemless = inner.EndsWith('*') ? inner[..^1] : inner;
            var acronym = stemless.Count(char.IsLetter) >= 2 && !stemless.Any(char.IsLower);
            var runs = word.Split('\'', '’', '-');
            for (var r = 0; r < runs.Length; r++)
            {
                var run = runs[r];
                if (run.Length == 0 || !IsLiteral(run) || (acronym ? run : run.ToLowerInvariant()) == words[0].Text)
                {
                    // (Empty, not a plain ASCII literal, or the run already required.)
                    continue;
                }

                var wordStart = r == 0 && run.Length > 1;
                groups.Add([acronym ? new PrefilterWord(run, true, wordStart) : new PrefilterWord(run.ToLowerInvariant(), false, wordStart)]);
            }
        }

        return groups;
    }

    private static bool IsLiteral(string run) => !run.Any(c => c > 0x7F || char.IsWhiteSpace(c) || c is '(' or ')' or '*' or '|');

    private static List<PrefilterWord>? UnitWords(string body)
    {
        if (body.StartsWith('(') && body.EndsWith(')') && body.Contains(' ', StringComparison.Ordinal))
        {
            // A bracketed group of whole phrases: one of them stands here, so one of their telling words does.
            var words = new List<PrefilterWord>();
            foreach (var alternative in SplitTopLevel(body[1..^1]))
            {
                if (Best(RequiredGroups(alternative)) is not { } group)
                {
                    return null;
                }

                words.AddRange(group);
            }

            return words;
        }

        var inner = body.StartsWith('(') && body.EndsWith(')') && body.Length > 2 ? body[1..^1] : body;
        var result = new List<PrefilterWord>();
        foreach (var alternative in inner.Split('|'))
        {
            var word = alternative.TrimEnd('*');
            // Apostrophes and hyphens are optional or variable in the pattern: keep the longest literal run.
            var runs = word.Split('\'', '’', '-');
            var longest = 0;
            for (var r = 1; r < runs.Length; r++)
            {
                longest = runs[r].Length > runs[longest].Length ? r : longest;
            }

            var run = runs[longest];
            if (run.Length == 0 || !IsLiteral(run))
            {
                return null;
            }

            // As CuePattern.TryWord: every alternative of a word starts right after (?<![\w]), so the word's first
            // run stands where no word character precedes it. A single letter is left to the any-position search.
            var wordStart = longest == 0 && run.Length > 1;

            // As CuePattern.TryWord: a word in capitals is an acronym, matched only in capitals.
            var stemless = alternative.EndsWith('*') ? alternative[..^1] : alternative;
            var acronym = stemless.Count(char.IsLetter) >= 2 && !stemless.Any(char.IsLower);
            result.Add(acronym ? new PrefilterWord(run, true, wordStart) : new PrefilterWord(run.ToLowerInvariant(), false, wordStart));
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

/// <summary>A sentence folded for <see cref="CuePrefilter"/> next to its unfolded text, with the set of adjacent ASCII character pairs the fold holds.</summary>
internal sealed class FoldedSentence
{
    private readonly ulong[] _pairs = new ulong[128 * 128 / 64];

    public FoldedSentence(string original, string text)
    {
        Original = original;
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

    /// <summary>The text as written.</summary>
    public string Original { get; }

    /// <summary>The folded text.</summary>
    public string Text { get; }

    /// <summary>True when <paramref name="first"/> is directly followed by <paramref name="second"/> somewhere in the fold (ASCII only).</summary>
    public bool HasPair(char first, char second)
    {
        if (first >= 128 || second >= 128)
        {
            return true;
        }

        var key = (first * 128) + second;
        return (_pairs[key >> 6] & (1UL << (key & 63))) != 0;
    }

    /// <summary>
    /// True when the sentence holds <paramref name="word"/> (folded, or as written for an acronym), at a word start
    /// (see <see cref="PrefilterWord.AtWordStart"/>) when the word must stand at one.
    /// </summary>
    public bool Contains(PrefilterWord word)
    {
        var text = word.CaseSensitive ? Original : Text;

        // The fold's letter pairs rule most words out before a substring search.
        if (!word.CaseSensitive && word.Text.Length >= 2 && !HasPair(word.Text[0], word.Text[1]))
        {
            return false;
        }

        for (var from = 0; from < text.Length;)
        {
            var at = text.IndexOf(word.Text, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            if (!word.WordStart || PrefilterWord.AtWordStart(Original, at))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
