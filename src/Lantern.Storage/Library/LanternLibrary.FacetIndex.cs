using Dapper;
using Lantern.Storage.Search;
using System.Data.Common;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    private readonly SemaphoreSlim _facetIndexLock = new(1, 1);
    private FacetIndex? _facetIndex;

    /// <summary>
    /// The facet index as of the connection's snapshot and, for a query, the ids of every matching review, read in
    /// one read transaction so that counts never mix two states of the library. The index is rebuilt (once, however
    /// many searches are waiting) when the change counter has moved since it was built: after a write by this process
    /// or any other.
    /// </summary>
    private async Task<(FacetIndex Index, long[]? HitIds)> FacetSnapshotAsync(DbConnection connection, string? match, CancellationToken cancellationToken)
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

        long[]? ids = null;
        if (match is not null)
        {
            ids = await MatchingIdsAsync(connection, transaction, match, cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return (index, ids);
    }

    /// <summary>
    /// The ids of every review matching <paramref name="match"/>, ascending. Read with a plain data reader into an array:
    /// a common word matches tens of thousands of reviews, and mapping each to an object cost more than the query.
    /// </summary>
    private async Task<long[]> MatchingIdsAsync(DbConnection connection, DbTransaction transaction, string match, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is the dialect's constant text; the expression travels as a parameter.
        command.CommandText = $"SELECT {_dialect.ReviewIndexKey} {_dialect.ReviewIndexFrom} WHERE {_dialect.ReviewMatch}";
#pragma warning restore CA2100
        var parameter = command.CreateParameter();
        parameter.ParameterName = "match";
        parameter.Value = match;
        command.Parameters.Add(parameter);
        var ids = new long[1024];
        var count = 0;
        var ascending = true;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (count == ids.Length)
                {
                    Array.Resize(ref ids, ids.Length * 2);
                }

                var id = reader.GetInt64(0);
                ascending &= count == 0 || id > ids[count - 1];
                ids[count++] = id;
            }
        }

        Array.Resize(ref ids, count);
        if (!ascending)
        {
            // SQLite's full-text index yields rowids in order; PostgreSQL's bitmap scans need not.
            Array.Sort(ids);
        }

        return ids;
    }
}
