using System.Text.RegularExpressions;

namespace Lantern.Core.Coding;

/// <summary>
/// Where one clause-break pattern matches in one sentence, found in a single pass and then asked many times (each cue
/// match asks where its clause starts and ends, for hedging and for negation). Answers exactly as a regex pass over the
/// sentence's prefix (for <see cref="Start"/>) or from a position (for <see cref="End"/>) would; the two cases where
/// the whole-sentence matches could differ from such a pass fall back to running it. Thread-safe once built.
/// </summary>
/// <remarks>
/// The patterns are alternations of single punctuation characters, short whitespace-and-dash runs and whole words
/// between <c>\b</c> anchors, no alternative a prefix of another and none empty. A pass over the prefix
/// <c>sentence[..index]</c> finds the whole-sentence matches that end at or before <c>index</c>, and no others,
/// unless <c>index</c> falls inside a word: only then can the end of the prefix act as a word boundary the full text
/// does not have ("but|ter"), or cut a word match in two. A pass from <c>from</c> finds the first whole-sentence match
/// starting at or after <c>from</c> unless a whole-sentence match runs across <c>from</c>.
/// </remarks>
internal sealed class ClauseBreaks
{
    private readonly Regex _pattern;
    private readonly string _sentence;

    // Start and end of each match, in order (matches do not overlap, so both are ascending); the first _count
    // entries are used (most sentences have no break or a few: nothing is allocated for none).
    private int[] _starts = [];
    private int[] _ends = [];
    private int _count;

    public ClauseBreaks(Regex pattern, string sentence)
        : this(pattern, sentence, scan: true)
    {
    }

    private ClauseBreaks(Regex pattern, string sentence, bool scan)
    {
        _pattern = pattern;
        _sentence = sentence;
        if (!scan)
        {
            return;
        }

        // The matcher's two clause patterns are scanned by hand (the same matches: see ClauseBreakAt); any other by the regex.
        if (ReferenceEquals(pattern, CueMatcher.ClauseBreak()))
        {
            Scan(sentence, this, null);
        }
        else if (ReferenceEquals(pattern, CueMatcher.StrongClauseBreak()))
        {
            Scan(sentence, null, this);
        }
        else
        {
            foreach (var m in pattern.EnumerateMatches(sentence))
            {
                Add(m.Index, m.Length);
            }
        }
    }

    /// <summary>
    /// The breaks of <see cref="CueMatcher.ClauseBreak"/> and of <see cref="CueMatcher.StrongClauseBreak"/> in
    /// <paramref name="sentence"/>, found in one pass (hedging asks for the first, negation for both).
    /// </summary>
    public static (ClauseBreaks Breaks, ClauseBreaks Strong) Both(string sentence)
    {
        var breaks = new ClauseBreaks(CueMatcher.ClauseBreak(), sentence, scan: false);
        var strong = new ClauseBreaks(CueMatcher.StrongClauseBreak(), sentence, scan: false);
        Scan(sentence, breaks, strong);
        return (breaks, strong);
    }

    // ASCII characters that can start a clause break: ; : [ ] , white space, and the clause words' first letters.
    private static readonly bool[] MayStart = BuildMayStart();

    private static bool[] BuildMayStart()
    {
        var may = new bool[128];
        for (var c = '\0'; c < 128; c++)
        {
            may[c] = char.IsWhiteSpace(c) || c is ';' or ':' or '[' or ']' or ',' || (c | 0x20) is 'b' or 'a' or 't' or 'h' or 'w' or 'e' or 'y';
        }

        return may;
    }

    /// <summary>
    /// Fills <paramref name="breaks"/> (the pattern with <c>,\s</c>) and <paramref name="strong"/> (without it), either
    /// of which may be null, as two regex scans would: each scan tries every position from where its last match ended.
    /// The two scans try the same alternatives except at a comma, so one walk over the sentence serves both.
    /// </summary>
    private static void Scan(string s, ClauseBreaks? breaks, ClauseBreaks? strong)
    {
        var nextBreak = breaks is null ? int.MaxValue : 0;
        var nextStrong = strong is null ? int.MaxValue : 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if ((i < nextBreak && i < nextStrong) || (c < 128 ? !MayStart[c] : !char.IsWhiteSpace(c)))
            {
                continue;
            }

            var length = ClauseBreakAt(s, i, commas: false);
            if (i >= nextStrong && length > 0)
            {
                strong!.Add(i, length);
                nextStrong = i + length;
            }

            if (i >= nextBreak)
            {
                var withCommas = c == ',' ? ClauseBreakAt(s, i, commas: true) : length;
                if (withCommas > 0)
                {
                    breaks!.Add(i, withCommas);
                    nextBreak = i + withCommas;
                }
            }
        }
    }

    private void Add(int index, int length)
    {
        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, Math.Max(4, _count * 2));
            Array.Resize(ref _ends, _starts.Length);
        }

        _starts[_count] = index;
        _ends[_count] = index + length;
        _count++;
    }

    // The clause words of CueMatcher.ClauseBreak, in the pattern's order (no word is a prefix of another).
    private static readonly string[] ClauseWords = ["but", "although", "though", "however", "whereas", "except", "yet"];

    /// <summary>
    /// The length of the clause-break match at <paramref name="i"/> (0 for none), as the regex scanning
    /// <c>[;:\[\]]|,\s|\s[–—-]\s|\b(?:but|although|though|however|whereas|except|yet)\b</c> (IgnoreCase,
    /// CultureInvariant) tries the position; without <paramref name="commas"/>, the pattern without <c>,\s</c>. The
    /// alternatives start with different characters, so at most one applies. The regex's <c>\s</c> is
    /// <see cref="char.IsWhiteSpace(char)"/>, its case-insensitive letters here match only their ASCII pair, and its
    /// <c>\b</c> sees the word characters of <see cref="IsBoundaryWordChar"/> (tests check all three over every char).
    /// </summary>
    internal static int ClauseBreakAt(string s, int i, bool commas)
    {
        var c = s[i];
        switch (c)
        {
            case ';' or ':' or '[' or ']':
                return 1;
            case ',':
                return commas && i + 1 < s.Length && char.IsWhiteSpace(s[i + 1]) ? 2 : 0;
        }

        if (char.IsWhiteSpace(c))
        {
            return i + 2 < s.Length && s[i + 1] is '–' or '—' or '-' && char.IsWhiteSpace(s[i + 2]) ? 3 : 0;
        }

        // (c | 0x20) changes only the case bit, so it is one of these letters only for the letter itself or its capital.
        if ((c | 0x20) is not ('b' or 'a' or 't' or 'h' or 'w' or 'e' or 'y') || (i > 0 && IsBoundaryWordChar(s[i - 1])))
        {
            return 0;
        }

        foreach (var word in ClauseWords)
        {
            var end = i + word.Length;
            if (end <= s.Length && EqualsAsciiIgnoreCase(s.AsSpan(i, word.Length), word) && (end == s.Length || !IsBoundaryWordChar(s[end])))
            {
                return word.Length;
            }
        }

        return 0;
    }

    private static bool EqualsAsciiIgnoreCase(ReadOnlySpan<char> text, string lowerWord)
    {
        for (var k = 0; k < lowerWord.Length; k++)
        {
            if (text[k] >= 128 || (text[k] | 0x20) != lowerWord[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A character the regex's <c>\b</c> counts as part of a word: letters, non-spacing marks, digits, connector punctuation, ZWJ and ZWNJ.</summary>
    internal static bool IsBoundaryWordChar(char c) =>
        c < 128
            ? char.IsAsciiLetterOrDigit(c) || c == '_'
            : c is '\u200D' or '\u200C' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.UppercaseLetter
                or System.Globalization.UnicodeCategory.LowercaseLetter or System.Globalization.UnicodeCategory.TitlecaseLetter
                or System.Globalization.UnicodeCategory.ModifierLetter or System.Globalization.UnicodeCategory.OtherLetter
                or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.DecimalDigitNumber
                or System.Globalization.UnicodeCategory.ConnectorPunctuation;

    /// <summary>The end of the last match in <c>sentence[..index]</c>, or 0 when there is none.</summary>
    public int Start(int index)
    {
        if (index > 0 && index < _sentence.Length && MayBeWordChar(_sentence[index - 1]) && MayBeWordChar(_sentence[index]))
        {
            var best = 0;
            foreach (var m in _pattern.EnumerateMatches(_sentence.AsSpan(0, index)))
            {
                best = m.Index + m.Length;
            }

            return best;
        }

        // The last match ending at or before index.
        var k = UpperBound(index) - 1;
        return k >= 0 ? _ends[k] : 0;
    }

    /// <summary>The start of the first match at or after <paramref name="from"/>, or the sentence's length when there is none.</summary>
    public int End(int from)
    {
        // The first match ending after from: it either starts at or after from (the answer) or runs across it.
        var k = UpperBound(from);
        if (k < _count && _starts[k] < from)
        {
            foreach (var m in _pattern.EnumerateMatches(_sentence.AsSpan(), from))
            {
                return m.Index;
            }

            return _sentence.Length;
        }

        return k < _count ? _starts[k] : _sentence.Length;
    }

    // The first match whose end is greater than value.
    private int UpperBound(int value)
    {
        var lo = 0;
        var hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ends[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // Conservative: anything but ASCII punctuation, spaces and controls may count as a word character for \b.
    private static bool MayBeWordChar(char c) => c >= 128 || char.IsAsciiLetterOrDigit(c) || c == '_';
}
