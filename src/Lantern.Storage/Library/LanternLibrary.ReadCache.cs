using System.Collections.Concurrent;
using System.Text;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    // Searches and the overview repeat (every page load, many users typing the same words) while the library changes
    // rarely. Results are kept per library change: every write through this instance bumps the generation, and an
    // entry also expires after a few seconds so that writes by another process (the CLI) show up soon.
    private const int ReadCacheCapacity = 512;

    private readonly ConcurrentDictionary<string, CachedRead> _readCache = new(StringComparer.Ordinal);
    private long _generation;

    private sealed record CachedRead(long Generation, DateTimeOffset Expires, Task Value);

    /// <summary>Forgets every cached read; called after each write.</summary>
    private void LibraryChanged()
    {
        Interlocked.Increment(ref _generation);
        _readCache.Clear();
    }

    // Callers asking the same thing at once share one read (no stampede when an entry expires). The shared read runs
    // to the end even if the caller that started it gives up; each caller stops waiting on its own token.
    private async Task<T> CachedAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        if (_readCacheLifetime <= TimeSpan.Zero)
        {
            return await read(cancellationToken).ConfigureAwait(false);
        }

        var generation = Interlocked.Read(ref _generation);
        var now = _clock.GetUtcNow();
        if (_readCache.TryGetValue(key, out var hit) && hit.Generation == generation && hit.Expires > now
            && hit.Value is Task<T> { IsFaulted: false, IsCanceled: false } shared)
        {
            return await shared.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_readCache.Count >= ReadCacheCapacity)
        {
            _readCache.Clear();
        }

        var task = read(CancellationToken.None);
        var entry = new CachedRead(generation, now + _readCacheLifetime, task);
        _readCache[key] = entry;
        try
        {
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (task.IsFaulted || task.IsCanceled)
        {
            _readCache.TryRemove(new KeyValuePair<string, CachedRead>(key, entry));
            throw;
        }
    }

    private static string SearchKey(SearchRequest request, Viewer viewer)
    {
        var sb = new StringBuilder("search\u0001");
        sb.Append(viewer.CanSeeRestricted ? '1' : '0').Append('\u0001')
            .Append(request.Query).Append('\u0001')
            .Append((int)request.Scope).Append('\u0001')
            .Append((int)request.Sort).Append('\u0001')
            .Append(request.Page).Append('\u0001')
            .Append(request.PageSize);
        foreach (var (facet, values) in request.Filters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append('\u0002').Append(facet);
            foreach (var value in values)
            {
                sb.Append('\u0003').Append(value);
            }
        }

        return sb.ToString();
    }

    // Sort or rank on bare ids first, then read the summaries (whose theme list is a subquery) of the rows kept only:
    // SQLite would otherwise work out every column of every row before sorting.
    // With a viewer, rows the viewer may not see are dropped again here (the ids may come from a snapshot taken a moment earlier).
    private async Task<IReadOnlyList<ReviewSummary>> ReviewSummariesAsync(System.Data.Common.DbConnection connection, IReadOnlyList<long> ids, Viewer? viewer = null)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<ReviewSummaryRow>(
            $"SELECT {SummarySql.ReviewColumns} FROM reviews r JOIN documents d ON d.id = r.document_id WHERE {_dialect.IdIn("r.id")} AND {(viewer is null ? "1 = 1" : Access.VisibilityFilter.Condition(viewer))}",
            new { ids = _dialect.IdList(ids) }).ConfigureAwait(false))
            .ToDictionary(r => r.Id);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id].ToSummary())];
    }
}
