using System.Data.Common;
using Dapper;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    private const int MaxParts = 4;

    // Searches and more-like-this reads running now in this library. Work is only split over extra connections while
    // fewer of them run than there are cores: under load each read keeps to one core, and the split never adds work
    // that competes with other requests.
    private int _readsRunning;

    /// <summary>Runs a search or more-like-this read, counted among those running while it runs (see <see cref="SplitParts"/>).</summary>
    private async Task<T> CountedReadAsync<T>(Func<Task<T>> read)
    {
        Interlocked.Increment(ref _readsRunning);
        try
        {
            return await read().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _readsRunning);
        }
    }

    /// <summary>The ids (as the dialect's id list) of the reviews the viewer may not see; null when there are none to hide.</summary>
    private object? HiddenIds(Search.FacetIndex index, Lantern.Core.Model.Viewer viewer) =>
        viewer.CanSeeRestricted || !index.HasRestricted ? null : _dialect.IdList(index.RestrictedIds);

    /// <summary>Fewest reviews in the library for which a search's matches are read in parts over several connections (see <see cref="MatchesAsync"/>).</summary>
    internal int SplitMinimumReviews { get; set; } = 8_000;

    /// <summary>Splits into exactly this many parts whenever there are enough rows (tests); 0 = by idle cores.</summary>
    internal int RankSplitParts { get; set; }

    private long _splitRankings;

    /// <summary>How many reads of matches were split over several connections so far (tests).</summary>
    internal long SplitRankings => Interlocked.Read(ref _splitRankings);

    /// <summary>
    /// The review ids (and bm25 ranks) matching <paramref name="match"/>, best first and ties by id, rows
    /// <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/>: ranked on the full-text index alone
    /// (top-k with LIMIT), leaving out the <paramref name="hidden"/> reviews the viewer may not see and
    /// <paramref name="exclude"/>, so nothing is joined or worked out per match.
    /// </summary>
    /// <remarks>
    /// A review's bm25 score depends on that review and on whole-index figures only (FTS5 reads the number of rows and
    /// average column sizes from the index, and counts each phrase's rows with a cursor over the whole table whatever
    /// rowid range the query is limited to), so a query limited to a range of ids scores its rows exactly as the
    /// whole query would: <see cref="MatchesAsync"/> relies on it to read a search's matches in parts.
    /// </remarks>
    private async Task<List<(long Key, double Rank)>> RankedIdsAsync(
        DbConnection connection, string match, object? hidden, long skip, int take, long? exclude, CancellationToken cancellationToken)
    {
        var keyColumn = _dialect.ReviewIndexKey;
        var notHidden = hidden is null ? "" : $" AND NOT ({_dialect.IdIn(keyColumn, "hidden")})";
        var notExcluded = exclude is null ? "" : $" AND {keyColumn} <> @exclude";
        var sql = $"""
            SELECT {keyColumn} AS Key, {_dialect.ReviewRank} AS Rank {_dialect.ReviewIndexFrom}
            WHERE {_dialect.ReviewMatch}{notHidden}{notExcluded}
            ORDER BY Rank, {keyColumn} LIMIT @take OFFSET @skip
            """;
        var parameters = new DynamicParameters(new { match, skip, take, exclude = exclude ?? 0 });
        if (hidden is not null)
        {
            parameters.Add("hidden", hidden);
        }

        return (await connection.QueryAsync<(long Key, double Rank)>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }

    /// <summary>How many parts to read a search's matches in, over a library of <paramref name="reviews"/> reviews: 1 unless the store allows it, the library is large enough and cores are idle.</summary>
    private int SplitParts(int reviews)
    {
        if (!_dialect.SplitsRanking || reviews < SplitMinimumReviews)
        {
            return 1;
        }

        if (RankSplitParts > 0)
        {
            return Math.Min(RankSplitParts, reviews);
        }

        // This read counts itself among those running.
        var idle = Environment.ProcessorCount - Volatile.Read(ref _readsRunning) + 1;
        return Math.Clamp(Math.Min(idle, reviews / Math.Max(1, SplitMinimumReviews / 2)), 1, MaxParts);
    }

    /// <summary>
    /// Consecutive id ranges (low, high], about equally many of <paramref name="ascendingIds"/> each; the first and last
    /// are open-ended, so together they hold every id, including any added since the list was read.
    /// </summary>
    private static (long Low, long High)[] IdRanges(long[] ascendingIds, int parts)
    {
        var ranges = new (long Low, long High)[parts];
        for (var i = 0; i < parts; i++)
        {
            ranges[i] = (
                i == 0 ? long.MinValue : ascendingIds[(int)((long)ascendingIds.Length * i / parts) - 1],
                i == parts - 1 ? long.MaxValue : ascendingIds[(int)((long)ascendingIds.Length * (i + 1) / parts) - 1]);
        }

        return ranges;
    }

    /// <summary>A connection for searches and more-like-this, with the store's read settings.</summary>
    private async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        _dialect.PrepareForReads(connection);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="part"/> for parts 0 .. <paramref name="parts"/> - 1 at the same time, part 0 on
    /// <paramref name="connection"/> and each other part on a pooled connection of its own, and returns their results in
    /// part order.
    /// </summary>
    private async Task<T[]> InPartsAsync<T>(DbConnection connection, int parts, Func<DbConnection, int, Task<T>> part, CancellationToken cancellationToken)
    {
        var tasks = new List<Task<T>>(parts);
        var connections = new List<DbConnection>(parts - 1);
        try
        {
            for (var i = 0; i < parts; i++)
            {
                var partConnection = connection;
                if (i > 0)
                {
                    partConnection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
                    connections.Add(partConnection);
                }

                var index = i;
                tasks.Add(Task.Run(() => part(partConnection, index), cancellationToken));
            }

            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        finally
        {
            // When one part failed (or opening a connection did), let the others finish before their connections close.
            foreach (var task in tasks)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (Exception) when (task.IsFaulted || task.IsCanceled)
                {
                    // Reported to the caller by the await above.
                }
            }

            foreach (var partConnection in connections)
            {
                await partConnection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
