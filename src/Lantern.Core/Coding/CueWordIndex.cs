namespace Lantern.Core.Coding;

/// <summary>
/// Every prefilter word of one matcher's cues, found in a folded sentence in a single pass over its characters,
/// instead of one substring search per cue word (several hundred per sentence). Exact: a word is reported present
/// if and only if the folded sentence contains it, which is what <see cref="CuePrefilter.MayMatch"/> tests.
/// Immutable and thread-safe once built.
/// </summary>
internal sealed class CueWordIndex
{
    private readonly List<string> _words = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    // Word ids by their first two (ASCII) characters; every prefilter word is ASCII (see CuePrefilter.ForPhrase).
    private readonly int[]?[] _byPair = new int[]?[128 * 128];
    private readonly List<(char Char, int Id)> _singles = [];

    /// <summary>How many distinct words the index holds.</summary>
    public int Count => _words.Count;

    /// <summary>The ids of <paramref name="filter"/>'s words (added on first sight), or null when there is no filter.</summary>
    public int[]? Add(CuePrefilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var ids = new List<int>();
        foreach (var word in filter.Words)
        {
            if (!_ids.TryGetValue(word, out var id))
            {
                id = _words.Count;
                _words.Add(word);
                _ids.Add(word, id);
                if (word.Length == 1)
                {
                    _singles.Add((word[0], id));
                }
                else
                {
                    var key = (word[0] * 128) + word[1];
                    _byPair[key] = [.. _byPair[key] ?? [], id];
                }
            }

            ids.Add(id);
        }

        return [.. ids];
    }

    /// <summary>The set of words (one bit per id) that <paramref name="folded"/> contains.</summary>
    public ulong[] Find(ReadOnlySpan<char> folded)
    {
        var present = new ulong[(_words.Count + 63) / 64];
        foreach (var (ch, id) in _singles)
        {
            if (folded.Contains(ch))
            {
                present[id >> 6] |= 1UL << (id & 63);
            }
        }

        for (var i = 0; i + 1 < folded.Length; i++)
        {
            var first = folded[i];
            var second = folded[i + 1];
            if (first >= 128 || second >= 128 || _byPair[(first * 128) + second] is not { } bucket)
            {
                continue;
            }

            foreach (var id in bucket)
            {
                if ((present[id >> 6] & (1UL << (id & 63))) == 0 && folded[i..].StartsWith(_words[id]))
                {
                    present[id >> 6] |= 1UL << (id & 63);
                }
            }
        }

        return present;
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
