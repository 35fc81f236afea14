using System.Buffers;

namespace Lantern.Core.Coding;

/// <summary>
/// Every prefilter word of one matcher's cues, found in a sentence in one pass over its word starts and one
/// vectorised search for the few words that may stand anywhere, instead of one substring search per cue word (several
/// hundred per sentence). Exact: a word is reported present if and only if the sentence contains it (folded, or as
/// written for an acronym), at a word start when it must stand at one (<see cref="PrefilterWord.WordStart"/>), which
/// is what <see cref="CuePrefilter.MayMatch"/> tests. Immutable and thread-safe once built.
/// </summary>
internal sealed class CueWordIndex
{
    // ASCII letters, digits and the underscore: the characters after which no word starts (see PrefilterWord.AtWordStart).
    private static readonly SearchValues<char> AsciiWordChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private readonly List<PrefilterWord> _words = [];
    private readonly Dictionary<PrefilterWord, int> _ids = [];

    // The words that stand at word starts, by their first two (ASCII, folded) characters; every prefilter word is ASCII
    // (see CuePrefilter). Each entry carries the word's folded third character, which rules most words of a busy pair
    // out with one comparison.
    private readonly Entry[]?[] _byPair = new Entry[]?[128 * 128];

    // One bit per pair with a bucket: 2 KB that stay in the cache while the scan asks about every word start, instead
    // of loading a bucket reference from the 128 KB table for each.
    private readonly ulong[] _pairs = new ulong[128 * 128 / 64];

    // The words of two or more letters that may stand anywhere (a raw regex's letters, the run after a hyphen or
    // apostrophe), looked for in the fold (or, for an acronym, the text as written) with one multi-word search each.
    private readonly List<(PrefilterWord Word, int Id)> _anywhere = [];
    private SearchValues<string>? _anywhereFolded;
    private SearchValues<string>? _anywhereOriginal;

    private readonly List<(PrefilterWord Word, int Id)> _singles = [];

    /// <summary>How many distinct words the index holds.</summary>
    public int Count => _words.Count;

    /// <summary>The length of the word with id <paramref name="id"/>.</summary>
    public int Length(int id) => _words[id].Text.Length;

    /// <summary>
    /// The ids of <paramref name="filter"/>'s words (added on first sight), one array per group of the filter, or null
    /// when there is no filter.
    /// </summary>
    public int[][]? Add(CuePrefilter? filter) => filter is null ? null : [.. filter.Groups.Select(g => g.Select(Add).Distinct().ToArray())];

    private int Add(PrefilterWord word)
    {
        if (_ids.TryGetValue(word, out var id))
        {
            return id;
        }

        id = _words.Count;
        _words.Add(word);
        _ids.Add(word, id);
        if (word.Text.Length == 1)
        {
            _singles.Add((word, id));
        }
        else if (!word.WordStart)
        {
            // (The searches are made again for each such word while the index is built, before any sentence is looked at.)
            _anywhere.Add((word, id));
            _anywhereFolded = Words(caseSensitive: false);
            _anywhereOriginal = Words(caseSensitive: true);
        }
        else
        {
            var key = (char.ToLowerInvariant(word.Text[0]) * 128) + char.ToLowerInvariant(word.Text[1]);
            var third = word.Text.Length > 2 ? char.ToLowerInvariant(word.Text[2]) : '\0';
            _byPair[key] = [.. _byPair[key] ?? [], new Entry(id, third, word.Text, word.CaseSensitive)];
            _pairs[key >> 6] |= 1UL << (key & 63);
        }

        return id;
    }

    private SearchValues<string>? Words(bool caseSensitive) =>
        _anywhere.Where(w => w.Word.CaseSensitive == caseSensitive).Select(w => w.Word.Text).Distinct(StringComparer.Ordinal).ToArray() is { Length: > 0 } words
            ? SearchValues.Create(words, StringComparison.Ordinal)
            : null;

    /// <summary>
    /// The set of words (one bit per id) that a sentence contains, given its fold <paramref name="folded"/> and its
    /// text as written <paramref name="original"/> (the same length: folding is character by character); a word that
    /// must stand at a word start (<see cref="PrefilterWord.WordStart"/>) counts only where it does.
    /// </summary>
    public ulong[] Find(ReadOnlySpan<char> folded, ReadOnlySpan<char> original)
    {
        var present = new ulong[(_words.Count + 63) / 64];
        foreach (var (word, id) in _singles)
        {
            var text = word.CaseSensitive ? original : folded;
            for (var from = 0; from < text.Length;)
            {
                var at = text[from..].IndexOf(word.Text[0]);
                if (at < 0)
                {
                    break;
                }

                at += from;
                if (!word.WordStart || PrefilterWord.AtWordStart(original, at))
                {
                    present[id >> 6] |= 1UL << (id & 63);
                    break;
                }

                from = at + 1;
            }
        }

        if (_anywhereFolded is not null)
        {
            FindAnywhere(folded, _anywhereFolded, caseSensitive: false, present);
        }

        if (_anywhereOriginal is not null)
        {
            FindAnywhere(original, _anywhereOriginal, caseSensitive: true, present);
        }

        // The word starts: the first position, and every position after a character that is not an ASCII word
        // character (found a word at a time by a vectorised search, not by a test at every position).
        FindAt(0, folded, original, present);
        for (var i = 0; i + 2 < folded.Length;)
        {
            var next = original[i..^2].IndexOfAnyExcept(AsciiWordChars);
            if (next < 0)
            {
                break;
            }

            i += next + 1;
            FindAt(i, folded, original, present);
        }

        return present;
    }

    // The word-start words standing at position i.
    private void FindAt(int i, ReadOnlySpan<char> folded, ReadOnlySpan<char> original, ulong[] present)
    {
        if (i + 1 >= folded.Length)
        {
            return;
        }

        var first = folded[i];
        var second = folded[i + 1];
        if (first >= 128 || second >= 128)
        {
            return;
        }

        var pair = (first * 128) + second;
        if ((_pairs[pair >> 6] & (1UL << (pair & 63))) == 0 || _byPair[pair] is not { } bucket)
        {
            return;
        }

        foreach (var entry in bucket)
        {
            var id = entry.Id;
            if ((entry.Third != '\0' && (i + 2 >= folded.Length || folded[i + 2] != entry.Third))
                || (present[id >> 6] & (1UL << (id & 63))) != 0)
            {
                continue;
            }

            // An acronym is found where its folded letters stand and the text as written holds it exactly.
            if ((entry.CaseSensitive ? original : folded)[i..].StartsWith(entry.Text, StringComparison.Ordinal))
            {
                present[id >> 6] |= 1UL << (id & 63);
            }
        }
    }

    // The words that may stand anywhere, of one case sensitivity, found in text (the fold or the text as written).
    private void FindAnywhere(ReadOnlySpan<char> text, SearchValues<string> words, bool caseSensitive, ulong[] present)
    {
        for (var from = 0; from < text.Length;)
        {
            var at = text[from..].IndexOfAny(words);
            if (at < 0)
            {
                return;
            }

            at += from;
            foreach (var (word, id) in _anywhere)
            {
                if (word.CaseSensitive == caseSensitive && text[at..].StartsWith(word.Text, StringComparison.Ordinal))
                {
                    present[id >> 6] |= 1UL << (id & 63);
                }
            }

            from = at + 1;
        }
    }

    private readonly record struct Entry(int Id, char Third, string Text, bool CaseSensitive);

    /// <summary>True when each group of <paramref name="groups"/> has a word in <paramref name="present"/>.</summary>
    public static bool AllPresent(int[][] groups, ulong[] present)
    {
        foreach (var ids in groups)
        {
            if (!AnyPresent(ids, present))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when any of <paramref name="ids"/> is in <paramref name="present"/>.</summary>
    public static bool AnyPresent(int[] ids, ulong[] present)
    {
        foreach (var id in ids)
        {
            if ((present[id >> 6] & (1UL << (id & 63))) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
