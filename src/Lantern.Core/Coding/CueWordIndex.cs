namespace Lantern.Core.Coding;

/// <summary>
/// Every prefilter word of one matcher's cues, found in a sentence in a single pass over its characters, instead of
/// one substring search per cue word (several hundred per sentence). Exact: a word is reported present if and only if
/// the sentence contains it (folded, or as written for an acronym), which is what <see cref="CuePrefilter.MayMatch"/>
/// tests. Immutable and thread-safe once built.
/// </summary>
internal sealed class CueWordIndex
{
    private readonly List<PrefilterWord> _words = [];
    private readonly Dictionary<PrefilterWord, int> _ids = [];

    // Words by their first two (ASCII, folded) characters; every prefilter word is ASCII (see CuePrefilter). Each
    // entry carries the word's folded third character, which rules most words of a busy pair out with one comparison.
    private readonly Entry[]?[] _byPair = new Entry[]?[128 * 128];

    // One bit per pair with a bucket: 2 KB that stay in the cache while the scan asks about every position, instead of
    // loading a bucket reference from the 128 KB table for each. Most words (a phrase's words) can only stand at a word
    // start; _anywherePairs has the bits of the pairs whose bucket holds a word that may stand anywhere, the only
    // buckets worth opening inside a word (where most positions are).
    private readonly ulong[] _pairs = new ulong[128 * 128 / 64];
    private readonly ulong[] _anywherePairs = new ulong[128 * 128 / 64];
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
        else
        {
            var key = (char.ToLowerInvariant(word.Text[0]) * 128) + char.ToLowerInvariant(word.Text[1]);
            var third = word.Text.Length > 2 ? char.ToLowerInvariant(word.Text[2]) : '\0';
            _byPair[key] = [.. _byPair[key] ?? [], new Entry(id, third, word.Text, word.CaseSensitive, word.WordStart)];
            _pairs[key >> 6] |= 1UL << (key & 63);
            if (!word.WordStart)
            {
                _anywherePairs[key >> 6] |= 1UL << (key & 63);
            }
        }

        return id;
    }

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

        for (var i = 0; i + 1 < folded.Length; i++)
        {
            var first = folded[i];
            var second = folded[i + 1];
            if (first >= 128 || second >= 128)
            {
                continue;
            }

            // Inside a word only the few words that may stand anywhere are looked for.
            var atWordStart = PrefilterWord.AtWordStart(original, i);
            var pair = (first * 128) + second;
            if (((atWordStart ? _pairs : _anywherePairs)[pair >> 6] & (1UL << (pair & 63))) == 0 || _byPair[pair] is not { } bucket)
            {
                continue;
            }

            foreach (var entry in bucket)
            {
                var id = entry.Id;
                if ((entry.WordStart && !atWordStart)
                    || (entry.Third != '\0' && (i + 2 >= folded.Length || folded[i + 2] != entry.Third))
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

        return present;
    }

    private readonly record struct Entry(int Id, char Third, string Text, bool CaseSensitive, bool WordStart);

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
