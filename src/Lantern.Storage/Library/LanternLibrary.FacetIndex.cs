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
    private async Task<(FacetIndex Index, List<long>? HitIds)> FacetSnapshotAsync(DbConnection connection, string? match, CancellationToken cancellationToken)
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

        List<long>? ids = null;
        if (match is not null)
        {
            ids = (await connection.QueryAsync<long>(new CommandDefinition(
                $"SELECT {_dialect.ReviewIndexKey} {_dialect.ReviewIndexFrom} WHERE {_dialect.ReviewMatch}", new { match }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        }

        transaction.Commit();
        return (index, ids);
    }
}
