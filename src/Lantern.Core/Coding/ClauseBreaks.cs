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
    private readonly int[] _starts = [];
    private readonly int[] _ends = [];
    private readonly int _count;

    public ClauseBreaks(Regex pattern, string sentence)
    {
        _pattern = pattern;
        _sentence = sentence;
        foreach (var m in pattern.EnumerateMatches(sentence))
        {
            if (_count == _starts.Length)
            {
                Array.Resize(ref _starts, Math.Max(4, _count * 2));
                Array.Resize(ref _ends, _starts.Length);
            }

            _starts[_count] = m.Index;
            _ends[_count] = m.Index + m.Length;
            _count++;
        }
    }

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
