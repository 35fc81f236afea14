using System.Globalization;
using Dapper;
using Lantern.Storage.Abstractions;
using System.Data.Common;

namespace Lantern.Storage.Search;

/// <summary>
/// A compact in-memory copy of what search facets are counted from: per review its visibility, the single-valued
/// facets (as small integers), its harm / risk / agency labels and effective themes, and its place in newest-first
/// and oldest-first order. Counting a result's facets then costs one pass over the matching review ids instead of
/// joining every hit to its labels in SQL. Built from one read snapshot; <see cref="Version"/> is the
/// <c>library_changes</c> counter it was built at, so it is rebuilt after any write by any process.
/// </summary>
internal sealed class FacetIndex
{
    private static readonly string[] SingleFacets = [.. SearchFilters.Columns.Keys];
    private static readonly string[] MultiFacets = [.. SearchFilters.LabelKinds.Keys, Facets.Theme];

    private readonly Dictionary<long, int> _slots;
    private readonly bool[] _restricted;
    private readonly int[][] _single;          // [facet][slot] → value number, -1 when not stated
    private readonly List<string>[] _singleValues;
    private readonly int[][] _multiStart;      // [facet][slot .. slot + 1] → range of _multiCodes[facet]
    private readonly int[][] _multiCodes;
    private readonly List<string>[] _multiValues;
    private readonly int[] _newestRank;
    private readonly int[] _oldestRank;

    private FacetIndex(long version, int count)
    {
        Version = version;
        _slots = new Dictionary<long, int>(count);
        Ids = new long[count];
        _restricted = new bool[count];
        _single = [.. SingleFacets.Select(_ => new int[count])];
        _singleValues = [.. SingleFacets.Select(_ => new List<string>())];
        _multiStart = new int[MultiFacets.Length][];
        _multiCodes = new int[MultiFacets.Length][];
        _multiValues = [.. MultiFacets.Select(_ => new List<string>())];
        _newestRank = new int[count];
        _oldestRank = new int[count];
    }

    /// <summary>The <c>library_changes</c> counter this index was built at.</summary>
    public long Version { get; }

    /// <summary>Review ids by slot, ascending.</summary>
    public long[] Ids { get; }

    /// <summary>The ids of reviews in restricted documents, ascending.</summary>
    public IReadOnlyList<long> RestrictedIds { get; private set; } = [];

    /// <summary>Whether any review is in a restricted document.</summary>
    public bool HasRestricted { get; private set; }

    /// <summary>The change counter as the connection's current snapshot sees it.</summary>
    public static async Task<long> ReadVersionAsync(DbConnection connection, DbTransaction transaction) =>
        await connection.ExecuteScalarAsync<long>("SELECT counter FROM library_changes WHERE id = 1", transaction: transaction).ConfigureAwait(false);

    /// <summary>Builds the index inside the caller's read transaction (one snapshot).</summary>
    public static async Task<FacetIndex> LoadAsync(DbConnection connection, DbTransaction transaction, long version, CancellationToken cancellationToken)
    {
        var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM reviews", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var index = new FacetIndex(version, count);
        var sortKeys = new (bool NoYear, long Year, string AddedAt, long DocumentId, long Ordinal)[count];
        var columns = string.Join(", ", SearchFilters.Columns.Values);
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT r.id, d.visibility, CASE WHEN r.year IS NULL THEN 1 ELSE 0 END, COALESCE(r.year, 0), d.added_at, r.document_id, r.ordinal, {columns} FROM reviews r JOIN documents d ON d.id = r.document_id ORDER BY r.id",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            var lookups = SingleFacets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
            var slot = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && slot < count)
            {
                // Integers are read as whatever width the provider returns (SQLite: 64-bit; PostgreSQL: integer or bigint).
                var id = Integer(reader, 0);
                index.Ids[slot] = id;
                index._slots[id] = slot;
                index._restricted[slot] = Integer(reader, 1) != (int)Lantern.Core.Model.Visibility.Public;
                sortKeys[slot] = (Integer(reader, 2) != 0, Integer(reader, 3), reader.GetString(4), Integer(reader, 5), Integer(reader, 6));
                for (var f = 0; f < SingleFacets.Length; f++)
                {
                    index._single[f][slot] = reader.IsDBNull(7 + f) ? -1 : Number(lookups[f], index._singleValues[f], ValueText(reader.GetValue(7 + f)));
                }

                slot++;
            }
        }

        var restricted = Enumerable.Range(0, count).Where(slot => index._restricted[slot]).Select(slot => index.Ids[slot]).ToList();
        index.HasRestricted = restricted.Count > 0;
        index.RestrictedIds = restricted;

        // Labels in one pass over review_labels. Themes are the effective themes (the effective_themes view): the theme
        // labels without a latest "reject" decision, plus the themes a latest "confirm" or "add" decision names. The
        // decisions are few, so they are applied here rather than by the view, whose UNION over the whole library costs
        // seconds at 100k reviews.
        var kinds = SearchFilters.LabelKinds.Values.Append("theme").ToList();
        var labelSql = $"SELECT review_id, kind, code FROM review_labels WHERE kind IN ({string.Join(", ", kinds.Select(k => $"'{k}'"))})";
        var perFacet = MultiFacets.Select(_ => new List<(int Slot, int Code)>()).ToArray();
        var codeLookups = MultiFacets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var kindToFacet = SearchFilters.LabelKinds.Values.Select((kind, i) => (kind, i)).ToDictionary(x => x.kind, x => x.i, StringComparer.Ordinal);
        var themeFacet = MultiFacets.Length - 1;
        kindToFacet["theme"] = themeFacet;
        var decisions = await EffectiveDecisionsAsync(connection, transaction, index._slots, cancellationToken).ConfigureAwait(false);
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(labelSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (index._slots.TryGetValue(Integer(reader, 0), out var slot) && kindToFacet.TryGetValue(reader.GetString(1), out var f))
                {
                    var code = reader.GetString(2);
                    if (f == themeFacet && decisions.Rejected.Contains((slot, code)))
                    {
                        continue;
                    }

                    perFacet[f].Add((slot, Number(codeLookups[f], index._multiValues[f], code)));
                }
            }
        }

        foreach (var (slot, code) in decisions.Added)
        {
            perFacet[themeFacet].Add((slot, Number(codeLookups[themeFacet], index._multiValues[themeFacet], code)));
        }

        // A theme both labelled and confirmed counts once, as the view's UNION has it.
        var themes = perFacet[themeFacet];
        themes.Sort();
        perFacet[themeFacet] = [.. themes.Distinct()];

        for (var f = 0; f < MultiFacets.Length; f++)
        {
            var pairs = perFacet[f];
            pairs.Sort();
            var start = new int[count + 1];
            var codes = new int[pairs.Count];
            var at = 0;
            for (var slot = 0; slot < count; slot++)
            {
                start[slot] = at;
                while (at < pairs.Count && pairs[at].Slot == slot)
                {
                    codes[at] = pairs[at].Code;
                    at++;
                }
            }

            start[count] = at;
            index._multiStart[f] = start;
            index._multiCodes[f] = codes;
        }

        // The orders of SummarySql.NewestFirst and OldestFirst (reviews without a year last in both).
        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (a, b) => Compare(sortKeys[a], sortKeys[b], newest: true));
        for (var i = 0; i < count; i++)
        {
            index._newestRank[order[i]] = i;
        }

        Array.Sort(order, (a, b) => Compare(sortKeys[a], sortKeys[b], newest: false));
        for (var i = 0; i < count; i++)
        {
            index._oldestRank[order[i]] = i;
        }

        return index;
    }

    /// <summary>
    /// The latest human coding decisions per review slot, as the effective_themes view reads them: the (slot, code)
    /// pairs a "reject" removes and those a "confirm" or "add" names. Decisions point at a review by its document and
    /// review key, which stay the same when a document is extracted again.
    /// </summary>
    private static async Task<(HashSet<(int Slot, string Code)> Rejected, List<(int Slot, string Code)> Added)> EffectiveDecisionsAsync(
        DbConnection connection, DbTransaction transaction, Dictionary<long, int> slots, CancellationToken cancellationToken)
    {
        var rejected = new HashSet<(int Slot, string Code)>();
        var added = new List<(int Slot, string Code)>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            """
            SELECT r.id, c.theme_code, c.verdict FROM latest_coding_decisions c
            JOIN reviews r ON r.document_id = c.document_id AND r.review_key = c.review_key
            """,
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!slots.TryGetValue(Integer(reader, 0), out var slot))
            {
                continue;
            }

            switch (reader.GetString(2))
            {
                case "reject":
                    rejected.Add((slot, reader.GetString(1)));
                    break;
                case "confirm" or "add":
                    added.Add((slot, reader.GetString(1)));
                    break;
            }
        }

        return (rejected, added);
    }

    /// <summary>The slot of a review, or -1 when the review is not in the index.</summary>
    public int SlotOf(long reviewId) => _slots.TryGetValue(reviewId, out var slot) ? slot : -1;

    /// <summary>
    /// The slots, ascending, of the reviews in <paramref name="ascendingIds"/> (every review when null) that the
    /// viewer may see and that pass <paramref name="predicate"/>; ids the index does not hold are skipped. Both id
    /// lists are ascending, so the ids are matched to slots by walking the two together (one pass, no hashing).
    /// </summary>
    public int[] KeptSlots(long[]? ascendingIds, bool canSeeRestricted, FacetPredicate predicate)
    {
        var all = ascendingIds is null;
        var kept = new int[all ? Size : Math.Min(ascendingIds!.Length, Size)];
        var count = 0;
        var everyone = canSeeRestricted && predicate.IsEmpty;
        if (all)
        {
            for (var slot = 0; slot < Size; slot++)
            {
                if (everyone || Keeps(slot, canSeeRestricted, predicate))
                {
                    kept[count++] = slot;
                }
            }
        }
        else
        {
            var ids = Ids;
            var at = 0;
            foreach (var id in ascendingIds!)
            {
                // Move to the first slot whose id is not below this one: a gallop (doubling steps, then a binary
                // search) when the hits are sparse, a step or two when they are dense.
                if (at < ids.Length && ids[at] < id)
                {
                    var step = 1;
                    var low = at;
                    while (at + step < ids.Length && ids[at + step] < id)
                    {
                        low = at + step;
                        step *= 2;
                    }

                    var found = Array.BinarySearch(ids, low, Math.Min(at + step, ids.Length - 1) - low + 1, id);
                    at = found >= 0 ? found : ~found;
                }

                if (at == ids.Length)
                {
                    break;
                }

                if (ids[at] == id && (everyone || Keeps(at, canSeeRestricted, predicate)))
                {
                    kept[count++] = at;
                }
            }
        }

        Array.Resize(ref kept, count);
        return kept;
    }

    /// <summary>Whether the viewer may see the review in <paramref name="slot"/> and it passes every filter.</summary>
    public bool Keeps(int slot, bool canSeeRestricted, FacetPredicate predicate) =>
        (canSeeRestricted || !_restricted[slot]) && predicate.Matches(slot);

    /// <summary>How many reviews the index holds.</summary>
    public int Size => Ids.Length;

    /// <summary>
    /// Slots <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of <paramref name="slots"/> in
    /// the requested order. The order's positions are a permutation of the slots, so the kept slots are placed at their
    /// positions and read off in order: one pass over the library, no sort.
    /// </summary>
    public List<int> PageInOrder(int[] slots, SearchSort sort, long skip, int take)
    {
        var page = new List<int>(Math.Min(take, slots.Length));
        if (skip >= slots.Length)
        {
            return page;
        }

        var ranks = sort == SearchSort.Oldest ? _oldestRank : _newestRank;
        var atPosition = new int[Size];
        foreach (var slot in slots)
        {
            atPosition[ranks[slot]] = slot + 1; // 0: no kept slot at this position
        }

        var seen = 0L;
        for (var position = 0; position < atPosition.Length && page.Count < take; position++)
        {
            if (atPosition[position] != 0 && seen++ >= skip)
            {
                page.Add(atPosition[position] - 1);
            }
        }

        return page;
    }

    /// <summary>Counts the total and every facet over the kept slots.</summary>
    public (int Total, Dictionary<string, List<FacetValue>> Facets) Count(int[] slots)
    {
        var single = _singleValues.Select(v => new int[v.Count + 1]).ToArray();
        var multi = _multiValues.Select(v => new int[v.Count]).ToArray();
        var total = slots.Length;
        // Facet by facet (each facet's arrays stay in the processor cache for the whole pass over the slots).
        for (var f = 0; f < single.Length; f++)
        {
            var counts = single[f];
            var values = _single[f];
            foreach (var slot in slots)
            {
                counts[values[slot] + 1]++;
            }
        }

        for (var f = 0; f < multi.Length; f++)
        {
            var counts = multi[f];
            var codes = _multiCodes[f];
            var start = _multiStart[f];
            foreach (var slot in slots)
            {
                for (int i = start[slot], end = start[slot + 1]; i < end; i++)
                {
                    counts[codes[i]]++;
                }
            }
        }

        var facets = Facets.All.ToDictionary(f => f, _ => new List<FacetValue>(), StringComparer.Ordinal);
        for (var f = 0; f < single.Length; f++)
        {
            var values = facets[SingleFacets[f]];
            if (single[f][0] > 0)
            {
                values.Add(new FacetValue(Facets.NotStated, single[f][0]));
            }

            for (var v = 0; v < _singleValues[f].Count; v++)
            {
                if (single[f][v + 1] > 0)
                {
                    values.Add(new FacetValue(_singleValues[f][v], single[f][v + 1]));
                }
            }
        }

        for (var f = 0; f < multi.Length; f++)
        {
            var values = facets[MultiFacets[f]];
            for (var v = 0; v < _multiValues[f].Count; v++)
            {
                if (multi[f][v] > 0)
                {
                    values.Add(new FacetValue(_multiValues[f][v], multi[f][v]));
                }
            }
        }

        return (total, facets);
    }

    /// <summary>The value number of a single-valued facet's value, or null when no review has it.</summary>
    internal int? SingleNumber(string facet, string value)
    {
        var f = Array.IndexOf(SingleFacets, facet);
        var n = _singleValues[f].IndexOf(value);
        return n < 0 ? null : n;
    }

    internal bool SingleIs(string facet, int slot, HashSet<int> numbers, bool notStated)
    {
        var v = _single[Array.IndexOf(SingleFacets, facet)][slot];
        return v < 0 ? notStated : numbers.Contains(v);
    }

    internal HashSet<int> MultiNumbers(string facet, IEnumerable<string> values)
    {
        var f = Array.IndexOf(MultiFacets, facet);
        return [.. values.Select(v => _multiValues[f].IndexOf(v)).Where(n => n >= 0)];
    }

    internal bool MultiHasAny(string facet, int slot, HashSet<int> numbers)
    {
        var f = Array.IndexOf(MultiFacets, facet);
        var codes = _multiCodes[f];
        for (int i = _multiStart[f][slot], end = _multiStart[f][slot + 1]; i < end; i++)
        {
            if (numbers.Contains(codes[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Compare((bool NoYear, long Year, string AddedAt, long DocumentId, long Ordinal) a, (bool NoYear, long Year, string AddedAt, long DocumentId, long Ordinal) b, bool newest)
    {
        var c = a.NoYear.CompareTo(b.NoYear);
        if (c == 0)
        {
            c = newest ? b.Year.CompareTo(a.Year) : a.Year.CompareTo(b.Year);
        }

        if (c == 0)
        {
            c = newest ? string.CompareOrdinal(b.AddedAt, a.AddedAt) : string.CompareOrdinal(a.AddedAt, b.AddedAt);
        }

        if (c == 0)
        {
            c = newest ? b.DocumentId.CompareTo(a.DocumentId) : a.DocumentId.CompareTo(b.DocumentId);
        }

        return c != 0 ? c : a.Ordinal.CompareTo(b.Ordinal);
    }

    private static long Integer(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string ValueText(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static int Number(Dictionary<string, int> lookup, List<string> values, string value)
    {
        if (!lookup.TryGetValue(value, out var n))
        {
            n = values.Count;
            values.Add(value);
            lookup[value] = n;
        }

        return n;
    }
}
