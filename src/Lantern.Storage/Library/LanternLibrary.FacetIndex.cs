using Lantern.Storage.Search;
using System.Data.Common;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    private readonly SemaphoreSlim _facetIndexLock = new(1, 1);
    private FacetIndex? _facetIndex;

    /// <summary>The matches of a search: review ids ascending, with each one's bm25 rank (lower is better).</summary>
    private sealed record Matches(long[] Ids, double[] Ranks);

    /// <summary>
    /// The facet index as of the connection's snapshot and, for a query, every matching review with its rank, read at
    /// that same state of the library so that counts and pages never mix two states.
    /// The index is rebuilt (once, however many searches are waiting) when the change counter has moved since it was
    /// built: after a write by this process or any other.
    /// </summary>
    private async Task<(FacetIndex Index, Matches? Matches)> FacetSnapshotAsync(DbConnection connection, string? match, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var transaction = _dialect.BeginSnapshot(connection);
            var version = await FacetIndex.ReadVersionAsync(connection, transaction).ConfigureAwait(false);
            var index = Volatile.Read(ref _facetIndex);
            if (index is null || index.Version != version)
            {
                await _facetIndexLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    index = Volatile.Read(ref _facetIndex);
                    if (index is null || index.Version != version)
                    {
                        index = await FacetIndex.LoadAsync(connection, transaction, version, cancellationToken).ConfigureAwait(false);
                        Volatile.Write(ref _facetIndex, index);
                    }
                }
                finally
                {
                    _facetIndexLock.Release();
                }
            }

            Matches? matches = null;
            if (match is not null)
            {
                // A split read's other parts run in snapshots of their own; when a write landed before one of them
                // began, that part reports it and the whole read starts again (in one part after two such tries).
                var parts = attempt < 3 ? SplitParts(index.Size) : 1;
                matches = await MatchesAsync(connection, transaction, index, match, parts, cancellationToken).ConfigureAwait(false);
                if (matches is null)
                {
                    continue;
                }
            }

            transaction.Commit();
            return (index, matches);
        }
    }

    /// <summary>
    /// Every review matching <paramref name="match"/>, ids ascending, with their bm25 ranks: one
    /// pass over the full-text index gives both, where reading the ids and then ranking the top rows walked the
    /// matches twice. With <paramref name="parts"/> above 1 the index's ids are cut into consecutive ranges, each read on
    /// a connection of its own at the same time (a review's rank does not depend on the range: see
    /// <see cref="RankedIdsAsync"/>); each other part first checks that it sees the library at the index's version,
    /// and null means one did not.
    /// </summary>
    private async Task<Matches?> MatchesAsync(
        DbConnection connection, DbTransaction transaction, FacetIndex index, string match, int parts, CancellationToken cancellationToken)
    {
        async Task<Matches> ReadAsync(DbConnection c, DbTransaction t, string text, (string, object)[] parameters)
        {
            var (ids, ranks) = await _dialect.ReadRankedIdsAsync(c, t, text, parameters, cancellationToken).ConfigureAwait(false);
            return new Matches(ids, ranks);
        }

        var key = _dialect.ReviewIndexKey;
        var sql = $"SELECT {key}, {_dialect.ReviewRank} {_dialect.ReviewIndexFrom} WHERE {_dialect.ReviewMatch}";
        if (parts < 2 || index.Size < parts)
        {
            return Sorted(await ReadAsync(connection, transaction, sql, [("match", match)]).ConfigureAwait(false));
        }

        Interlocked.Increment(ref _splitRankings);
        var ranges = IdRanges(index.Ids, parts);
        var rangeSql = $"{sql} AND {key} > @low AND {key} <= @high";
        (string, object)[] RangeParameters(int part) => [("match", match), ("low", ranges[part].Low), ("high", ranges[part].High)];
        var results = await InPartsAsync(connection, parts, async (partConnection, part) =>
        {
            if (part == 0)
            {
                return await ReadAsync(partConnection, transaction, rangeSql, RangeParameters(part)).ConfigureAwait(false);
            }

            if (BeforeMatchPart is { } before)
            {
                await before().ConfigureAwait(false);
            }

            using var partTransaction = _dialect.BeginSnapshot(partConnection);
            if (await FacetIndex.ReadVersionAsync(partConnection, partTransaction).ConfigureAwait(false) != index.Version)
            {
                return null;
            }

            var read = await ReadAsync(partConnection, partTransaction, rangeSql, RangeParameters(part)).ConfigureAwait(false);
            partTransaction.Commit();
            return read;
        }, cancellationToken).ConfigureAwait(false);
        if (results.Any(r => r is null))
        {
            return null;
        }

        // The ranges are consecutive and ascending: their matches, one after another, are in id order.
        var ids = new long[results.Sum(r => r!.Ids.Length)];
        var ranks = new double[ids.Length];
        var at = 0;
        foreach (var result in results)
        {
            result!.Ids.CopyTo(ids, at);
            result.Ranks.CopyTo(ranks, at);
            at += result.Ids.Length;
        }

        return Sorted(new Matches(ids, ranks));
    }

    /// <summary>Run before each part of a split read but the first begins its snapshot (tests: a write landing between parts).</summary>
    internal Func<Task>? BeforeMatchPart { get; set; }

    /// <summary>SQLite's full-text index yields rowids in order; PostgreSQL's bitmap scans need not.</summary>
    private static Matches Sorted(Matches matches)
    {
        var ids = matches.Ids;
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] <= ids[i - 1])
            {
                Array.Sort(ids, matches.Ranks);
                break;
            }
        }

        return matches;
    }
}
