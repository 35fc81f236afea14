using System.Text.RegularExpressions;
using Lantern.Core.Model;

namespace Lantern.Core.Coding;

/// <summary>One cue found in the text: which code, which cue, where, in which sentence, and with what weight.</summary>
/// <param name="Code">The code the cue supports.</param>
/// <param name="Cue">The cue that matched.</param>
/// <param name="Match">The matched words.</param>
/// <param name="Sentence">The sentence the match stands in (the evidence shown to people).</param>
/// <param name="Weight">The cue's weight, scaled down when the clause is hedged.</param>
/// <param name="Hedged">True when a hedge ("may have", "possibly") stands in the same clause.</param>
public sealed record CueMatch(string Code, Cue Cue, SourceSpan Match, SourceSpan Sentence, double Weight, bool Hedged);

/// <summary>
/// A codebook compiled for matching. Finds cue matches sentence by sentence, applies exclusions, scoped negation
/// and hedging, and combines the matches of each code into a score (noisy-or over the distinct cues that matched:
/// 1 − Π(1 − weight)). Immutable and thread-safe.
/// </summary>
public sealed partial class CueMatcher
{
    /// <summary>How far back (in characters) a negation trigger can reach within its clause.</summary>
    public const int NegationReach = 80;

    /// <summary>How far after a cue (in characters) a hedge such as "may have been" still hedges it.</summary>
    public const int HedgeReachAfter = 25;

    private readonly CompiledCode[] _codes;
    private readonly CueWordIndex _words;

    // Each code's SuppressedBy (the first code of a name, as Codebook.Find).
    private readonly Dictionary<string, IReadOnlyList<string>> _suppressedBy = new(StringComparer.Ordinal);

    // Every cue of every code, in codebook order (the order matches are reported in), with its code.
    private readonly (CompiledCode Code, CompiledCue Cue)[] _cues;

    // Which cues (positions in _cues) each prefilter word can admit: a cue is listed under the words of one group of
    // its prefilter (one of which a sentence must contain for the cue to match). Cues without a prefilter are always tried.
    private readonly int[][] _cuesByWord;

    // The cues (positions in _cues) with alternative phrases, each with the word ids of every alternative's groups, per
    // part of the cue (see the constructor).
    private readonly (int Cue, int[][][][] Parts)[] _admissions;

    // The cues without a prefilter as a set of positions in _cues, the set every sentence's candidates start from.
    private readonly ulong[] _unfilteredCues;

    // Each list of triggers is one alternation: asking whether any of them matches is one pass, not one per trigger.
    private readonly HotRegex? _negation;
    private readonly HotRegex? _negationAfter;
    private readonly HotRegex? _hedges;
    private readonly HotRegex? _incidental;

    /// <summary>Compiles <paramref name="codebook"/> (validated when it was loaded).</summary>
    /// <exception cref="ArgumentException">A pattern is invalid (only possible for a hand-built codebook).</exception>
    public CueMatcher(Codebook codebook)
        : this(codebook, new CueWordIndex())
    {
    }

    /// <summary>
    /// Compiles <paramref name="codebook"/> adding its prefilter words to <paramref name="words"/>, which matchers
    /// built together can share (they then find a sentence's words once between them). Every matcher sharing an index
    /// must be built before any of them is used.
    /// </summary>
    internal CueMatcher(Codebook codebook, CueWordIndex words)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        Codebook = codebook;
        _words = words;
        _codes = [.. codebook.Codes.Select(c => new CompiledCode(c, [.. c.Cues.Select(cue => CompiledCue.From(cue, _words))]))];
        _cues = [.. _codes.SelectMany(code => code.Cues.Select(cue => (code, cue)))];
        var byWord = new List<int>[_words.Count];
        var unfiltered = new List<int>();
        for (var i = 0; i < _cues.Length; i++)
        {
            if (_cues[i].Cue.IndexGroup(_words) is { } group)
            {
                foreach (var id in group)
                {
                    (byWord[id] ??= []).Add(i);
                }
            }
            else
            {
                unfiltered.Add(i);
            }
        }

        _cuesByWord = [.. byWord.Select(list => list?.Distinct().ToArray() ?? [])];

        // A cue written as whole alternative phrases ("a b|c d") is indexed under one word of any alternative, which
        // admits it far more often than it can match: it stays a candidate only when one alternative has all its words.
        var admissions = new List<(int Cue, int[][][][] Parts)>();
        for (var i = 0; i < _cues.Length; i++)
        {
            var cue = _cues[i].Cue.Cue;
            IEnumerable<string> phrases = cue.Phrase is not null ? [cue.Phrase] : cue.Regex is null ? cue.AllOf : [];
            var parts = phrases.Select(CuePrefilter.ForPhrase).Where(f => f?.Alternatives is not null)
                .Select(f => f!.Alternatives!.Select(a => _words.Add(a)!).ToArray()).ToArray();
            if (parts.Length > 0)
            {
                admissions.Add((i, parts));
            }
        }

        _admissions = [.. admissions];
        _unfilteredCues = new ulong[(_cues.Length + 63) / 64];
        foreach (var i in unfiltered)
        {
            _unfilteredCues[i >> 6] |= 1UL << (i & 63);
        }
        foreach (var code in codebook.Codes)
        {
            _suppressedBy.TryAdd(code.Code, code.SuppressedBy);
        }

        _negation = AnyOf(codebook.NegationTriggers);
        _negationAfter = AnyOf(codebook.NegationAfter);
        _hedges = AnyOf(codebook.Hedges);
        _incidental = AnyOf(codebook.Incidental);
    }

    public Codebook Codebook { get; }

    /// <summary>
    /// One pattern that matches wherever any of <paramref name="phrases"/> does (null when there are none). Phrase
    /// patterns hold no numbered groups or back-references, so the alternation finds a match exactly when one of them would.
    /// </summary>
    private static HotRegex? AnyOf(IReadOnlyList<string> phrases) =>
        phrases.Count == 0 ? null
            : HotRegex.Phrase(CuePattern.Compile(string.Join("|", phrases.Select(p => "(?:" + CuePattern.Compile(p) + ")")), isRegex: true));

    /// <summary>Every counted cue match inside <paramref name="spans"/> of <paramref name="text"/>; never throws on odd text.</summary>
    public IReadOnlyList<CueMatch> Match(string text, IEnumerable<SourceSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var prepared = CodingText.For(text);
        var matches = new List<CueMatch>();
        foreach (var span in spans)
        {
            foreach (var sentence in prepared.Sentences(span))
            {
                MatchSentence(prepared, sentence, matches);
            }
        }

        return matches;
    }

    /// <summary>
    /// The codes whose score reaches their minimum, each with its score and evidence sentences, in codebook order;
    /// codes suppressed by another assigned code are dropped.
    /// </summary>
    public IReadOnlyList<CodedLabel> Code(string text, IEnumerable<SourceSpan> spans) => Aggregate(Match(text, spans));

    /// <summary>Combines matches into labels (see <see cref="Code"/>).</summary>
    public IReadOnlyList<CodedLabel> Aggregate(IReadOnlyList<CueMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Count == 0)
        {
            return [];
        }

        // The matches of each code, in the order found (one pass, not one pass over all matches per code).
        var byCode = new Dictionary<string, List<CueMatch>>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            if (!byCode.TryGetValue(m.Code, out var list))
            {
                byCode.Add(m.Code, list = []);
            }

            list.Add(m);
        }

        var labels = new List<CodedLabel>();
        var sentences = new List<(SourceSpan Sentence, double Weight)>();
        foreach (var code in _codes)
        {
            if (!byCode.TryGetValue(code.Definition.Code, out var own))
            {
                continue;
            }

            var score = 1 - NoisyOrComplement(own, sentences);
            if (score + 1e-9 >= code.Definition.MinScore)
            {
                labels.Add(new CodedLabel(code.Definition.Code, Math.Round(score, 3), EvidenceSentences(own)));
            }
        }

        // A label is dropped when a code it is suppressed by is assigned too (codebook order kept). A handful of labels:
        // a scan of them beats hashing their codes.
        var kept = new List<CodedLabel>(labels.Count);
        foreach (var label in labels)
        {
            if (!IsSuppressed(label.Code, labels))
            {
                kept.Add(label);
            }
        }

        return kept;
    }

    private bool IsSuppressed(string code, List<CodedLabel> labels)
    {
        foreach (var other in SuppressedBy(code))
        {
            foreach (var label in labels)
            {
                if (string.Equals(label.Code, other, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The codes that suppress a code, as Codebook.Find gives them (the first code of that name), found without a
    // search through the codebook for every label (every label's code is one of the codebook's).
    private IReadOnlyList<string> SuppressedBy(string code) => _suppressedBy[code];

    /// <summary>
    /// Π(1 − strength) over the distinct cues of <paramref name="own"/>, multiplied in the order each cue first matched.
    /// Cues are told apart by value (as grouping by the record does); a code has a handful of matches, so a linear scan
    /// groups them without hashing every cue record. <paramref name="sentences"/> is scratch space.
    /// </summary>
    private static double NoisyOrComplement(List<CueMatch> own, List<(SourceSpan Sentence, double Weight)> sentences)
    {
        var product = 1.0;
        Span<bool> done = own.Count <= 256 ? stackalloc bool[own.Count] : new bool[own.Count];
        for (var i = 0; i < own.Count; i++)
        {
            if (done[i])
            {
                continue;
            }

            // The best weight of each sentence this cue matched in, sentences in the order found.
            var cue = own[i].Cue;
            sentences.Clear();
            for (var j = i; j < own.Count; j++)
            {
                if (done[j] || own[j].Cue != cue)
                {
                    continue;
                }

                done[j] = true;
                var m = own[j];
                var k = sentences.Count - 1;
                while (k >= 0 && sentences[k].Sentence != m.Sentence)
                {
                    k--;
                }

                if (k < 0)
                {
                    sentences.Add((m.Sentence, m.Weight));
                }
                else if (m.Weight > sentences[k].Weight)
                {
                    sentences[k] = (m.Sentence, m.Weight);
                }
            }

            product *= 1 - CueStrength(sentences);
        }

        return product;
    }

    /// <summary>
    /// A cue's strength from its best weight in each sentence: the best of them, raised when it recurs in a second
    /// sentence by half as much again (1 − (1 − w)(1 − w/2)), so a weak cue repeated can count but never equals two
    /// different cues.
    /// </summary>
    private static double CueStrength(List<(SourceSpan Sentence, double Weight)> sentences)
    {
        var first = double.NegativeInfinity;
        var second = double.NegativeInfinity;
        foreach (var (_, weight) in sentences)
        {
            if (weight > first)
            {
                second = first;
                first = weight;
            }
            else if (weight > second)
            {
                second = weight;
            }
        }

        return sentences.Count > 1 ? 1 - ((1 - first) * (1 - (second / 2))) : first;
    }

    /// <summary>The distinct sentences of <paramref name="own"/>, ordered by start (ties keep the order found).</summary>
    private static List<SourceSpan> EvidenceSentences(List<CueMatch> own)
    {
        var spans = new List<SourceSpan>(own.Count);
        foreach (var m in own)
        {
            if (spans.Contains(m.Sentence))
            {
                continue;
            }

            // A stable insertion: after every sentence starting at or before this one.
            var at = spans.Count;
            while (at > 0 && spans[at - 1].Start > m.Sentence.Start)
            {
                at--;
            }

            spans.Insert(at, m.Sentence);
        }

        return spans;
    }

    private void MatchSentence(CodingText text, CodingSentence codingSentence, List<CueMatch> matches)
    {
        var sentence = codingSentence.Span;
        var s = codingSentence.Text;
        var present = codingSentence.PresentWords(_words, text.Folded);

        // The cues the prefilter words present can admit, as a set of positions in _cues; visiting its members in
        // ascending order tries the same cues in the same (codebook) order as a loop over every cue would, while
        // skipping the cues the prefilter rules out anyway. FindIn still checks every filter of each cue.
        // (On the stack: a few words for a codebook's few hundred cues, built for every sentence of every matcher.)
        Span<ulong> candidates = _unfilteredCues.Length <= 32 ? stackalloc ulong[_unfilteredCues.Length] : new ulong[_unfilteredCues.Length];
        _unfilteredCues.CopyTo(candidates);

        // (A shared index may hold words added after this matcher's, which admit none of its cues.)
        for (var block = 0; block < present.Length && block << 6 < _cuesByWord.Length; block++)
        {
            for (var bits = present[block]; bits != 0; bits &= bits - 1)
            {
                var word = (block << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (word >= _cuesByWord.Length)
                {
                    break;
                }

                foreach (var i in _cuesByWord[word])
                {
                    candidates[i >> 6] |= 1UL << (i & 63);
                }
            }
        }

        foreach (var (i, parts) in _admissions)
        {
            if ((candidates[i >> 6] & (1UL << (i & 63))) != 0 && !AllPartsAdmitted(parts, present))
            {
                candidates[i >> 6] &= ~(1UL << (i & 63));
            }
        }

        List<(int Index, int Length, bool Hedged)>? hedging = null;
        try
        {
            for (var block = 0; block < candidates.Length; block++)
            {
                for (var bits = candidates[block]; bits != 0; bits &= bits - 1)
                {
                    var (code, cue) = _cues[(block << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)];
                    var found = cue.FindIn(codingSentence, present, this);
                    if (found is { } local)
                    {
                        // Several cues often match the same words (a phrase shared by two codes): judge hedging once.
                        bool? hedgedBefore = null;
                        for (var k = 0; hedging is not null && k < hedging.Count; k++)
                        {
                            if (hedging[k].Index == local.Index && hedging[k].Length == local.Length)
                            {
                                hedgedBefore = hedging[k].Hedged;
                                break;
                            }
                        }

                        var hedged = hedgedBefore ?? IsHedged(codingSentence, local.Index, local.Length);
                        if (hedgedBefore is null)
                        {
                            (hedging ??= []).Add((local.Index, local.Length, hedged));
                        }

                        var weight = cue.Cue.Weight * (hedged ? Codebook.HedgeFactor : 1.0);
                        matches.Add(new CueMatch(code.Definition.Code, cue.Cue, new SourceSpan(sentence.Start + local.Index, local.Length), sentence, weight, hedged));
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological sentence is skipped rather than stalling the pipeline.
        }
    }

    // True when, for every part, one of its alternatives has a word of each of its groups in present.
    private static bool AllPartsAdmitted(int[][][][] parts, ulong[] present)
    {
        foreach (var alternatives in parts)
        {
            var any = false;
            foreach (var groups in alternatives)
            {
                if (CueWordIndex.AllPresent(groups, present))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a negation trigger stands before the match in its clause, or a denial follows it.</summary>
    internal bool IsNegated(CodingSentence codingSentence, int index, int length)
    {
        // Negation reaches back over its own clause only, and at most NegationReach characters.
        // Commas do not end its reach ("no evidence that the circumstances, and …, compromised …").
        var sentence = codingSentence.Text;
        var clauseStart = Math.Max(codingSentence.StrongClauseBreaks.Start(index), index - NegationReach);
        if (_negation is not null && _negation.For(sentence.Length).IsMatch(sentence.AsSpan(clauseStart, index - clauseStart)))
        {
            return true;
        }

        var clauseEnd = codingSentence.ClauseBreaks.End(index + length);
        return _negationAfter is not null && _negationAfter.For(sentence.Length).IsMatch(sentence.AsSpan(index + length, clauseEnd - (index + length)));
    }

    private bool IsHedged(CodingSentence codingSentence, int index, int length)
    {
        // A hedge governs what follows it in the clause, or follows the cue closely ("… may have been").
        var sentence = codingSentence.Text;
        var clauseStart = codingSentence.ClauseBreaks.Start(index);
        var before = sentence.AsSpan(clauseStart, index - clauseStart);
        var clauseEnd = codingSentence.ClauseBreaks.End(index + length);
        var afterEnd = Math.Min(clauseEnd, index + length + HedgeReachAfter);
        while (afterEnd < clauseEnd && char.IsLetterOrDigit(sentence[afterEnd]))
        {
            // Never cut a word in two ("youth" is not "you").
            afterEnd++;
        }

        var after = sentence.AsSpan(index + length, afterEnd - (index + length));
        if (_hedges is not null)
        {
            var hedges = _hedges.For(sentence.Length);
            if (hedges.IsMatch(before) || hedges.IsMatch(after))
            {
                return true;
            }
        }

        return _incidental is not null && _incidental.For(sentence.Length).IsMatch(sentence.AsSpan(0, index));
    }

    /// <summary>Blanks out URLs and e-mail addresses (same length) so words inside links never count as cues.</summary>
    internal static string MaskLinks(string text) => CodingText.For(text).Masked;

    // The characters every link holds one of (see MaskLinksOnce).
    private static readonly System.Buffers.SearchValues<char> LinkMarks = System.Buffers.SearchValues.Create("@.:");

    internal static string MaskLinksOnce(string text)
    {
        // A link never spans white space, so the pattern runs only over the words that could hold one (those with
        // '@', '.' or ':'): the same matches as a pass over the whole text, without its cost on every plain word. Such a
        // word is found from its first '@', '.' or ':' (a vectorised search), then bounded by the white space around it.
        char[]? masked = null;
        var from = 0;
        while (from < text.Length)
        {
            var hit = text.AsSpan(from).IndexOfAny(LinkMarks);
            if (hit < 0)
            {
                break;
            }

            // (from is the text's start or the white space after the last word looked at: the word starts after it.)
            var start = from + hit;
            while (start > from && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            var end = from + hit + 1;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            for (var m = Link().Match(text, start, end - start); m.Success; m = m.NextMatch())
            {
                masked ??= text.ToCharArray();
                Array.Fill(masked, ' ', m.Index, m.Length);
            }

            from = end;
        }

        return masked is null ? text : new string(masked);
    }

    // Where clauses break, for hedging (commas too) and for negation (StrongClauseBreak: commas do not end its reach).
    // Asked through each sentence's ClauseBreaks (see there for what the patterns may hold).
    [GeneratedRegex(@"[;:\[\]]|,\s|\s[–—-]\s|\b(?:but|although|though|however|whereas|except|yet)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ClauseBreak();

    [GeneratedRegex(@"[;:\[\]]|\s[–—-]\s|\b(?:but|although|though|however|whereas|except|yet)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex StrongClauseBreak();

    /// <summary>The link pattern itself (tests check the word-by-word masking against a whole-text pass).</summary>
    internal static Regex LinkPattern => Link();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s)\]>""]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|uk|net|gov)(?:/[^\s)]*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    private sealed record CompiledCode(CodeDefinition Definition, CompiledCue[] Cues);

    private sealed record CompiledCue(Cue Cue, HotRegex[] Parts, HotRegex[] Exclude, HotRegex[] ExcludeSentence)
    {
        // One per part of the cue (null for a part without a prefilter): the ids of the prefilter words in the
        // matcher's word index, group by group, which rule sentences out before any regex runs.
        private int[][]?[] Filters { get; init; } = [];

        /// <summary>
        /// The word ids of the prefilter group to index the cue under (null when no part has a prefilter): every
        /// group is required, so any will do; the one whose shortest word is longest admits the fewest sentences.
        /// </summary>
        public int[]? IndexGroup(CueWordIndex words) =>
            Filters.OfType<int[][]>().SelectMany(groups => groups).MaxBy(group => group.Min(words.Length));

        public static CompiledCue From(Cue cue, CueWordIndex words)
        {
            HotRegex[] parts = cue.Phrase is not null ? [HotRegex.Phrase(CuePattern.Compile(cue.Phrase))]
                : cue.Regex is not null ? [HotRegex.Raw(CuePattern.Compile(cue.Regex, isRegex: true))]
                : [.. cue.AllOf.Select(p => HotRegex.Phrase(CuePattern.Compile(p)))];
            CuePrefilter?[] filters = cue.Phrase is not null ? [CuePrefilter.ForPhrase(cue.Phrase)]
                : cue.Regex is not null ? [CuePrefilter.ForRegex(cue.Regex)]
                : [.. cue.AllOf.Select(CuePrefilter.ForPhrase)];
            return new CompiledCue(cue, parts,
                [.. cue.Exclude.Select(p => HotRegex.Phrase(CuePattern.Compile(p)))],
                [.. cue.ExcludeSentence.Select(p => HotRegex.Phrase(CuePattern.Compile(p)))])
            {
                Filters = [.. filters.Select(words.Add)],
            };
        }

        /// <summary>The first counted match in the sentence (index, length), or null.</summary>
        public (int Index, int Length)? FindIn(CodingSentence codingSentence, ulong[] presentWords, CueMatcher matcher)
        {
            var sentence = codingSentence.Text;
            foreach (var filter in Filters)
            {
                if (filter is not null && !CueWordIndex.AllPresent(filter, presentWords))
                {
                    return null;
                }
            }

            foreach (var exclude in ExcludeSentence)
            {
                if (exclude.For(sentence.Length).IsMatch(sentence))
                {
                    return null;
                }
            }

            (int, int)? first = null;
            foreach (var part in Parts)
            {
                var hit = FirstCounted(part, codingSentence, matcher);
                if (hit is null)
                {
                    return null;
                }

                first ??= hit;
            }

            return first;
        }

        private (int, int)? FirstCounted(HotRegex part, CodingSentence codingSentence, CueMatcher matcher)
        {
            var sentence = codingSentence.Text;
            // Enumerated without building a Match object per match: the same matches as Match/NextMatch.
            foreach (var m in part.For(sentence.Length).EnumerateMatches(sentence))
            {
                if (m.Length == 0)
                {
                    continue;
                }

                if (Overlaps(Exclude, sentence, m.Index, m.Length))
                {
                    continue;
                }

                if (Cue.Negation == NegationRule.Scoped && matcher.IsNegated(codingSentence, m.Index, m.Length))
                {
                    continue;
                }

                return (m.Index, m.Length);
            }

            return null;
        }

        private static bool Overlaps(HotRegex[] patterns, string sentence, int index, int length)
        {
            foreach (var pattern in patterns)
            {
                foreach (var e in pattern.For(sentence.Length).EnumerateMatches(sentence))
                {
                    if (e.Index < index + length && index < e.Index + e.Length)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
