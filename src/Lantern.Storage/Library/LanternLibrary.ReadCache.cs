using System.Collections.Concurrent;
using System.Text;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    // Searches, the overview and more-like-this repeat (every page load, many users typing the same words) while the
    // library changes rarely. An answer is kept for as long as the library is as it was when the answer was worked out:
    // every write through this instance bumps the generation (seen at once), and every write by any process moves the
    // library_changes counter, which is re-read at most once per ReadCacheLifetime (so a write by another process, the
    // CLI say, shows up after at most that long). Nothing else expires an answer, so a busy library is not recomputed
    // every few seconds for nothing.
    private const int ReadCacheCapacity = 512;

    private readonly ConcurrentDictionary<string, CachedRead> _readCache = new(StringComparer.Ordinal);
    private long _generation;
    private VersionCheck? _versionCheck;

    private sealed record CachedRead(long Generation, long Version, Task Value);

    private sealed record VersionCheck(long Generation, DateTimeOffset At, Task<long> Version);

    /// <summary>Forgets every cached read; called after each write.</summary>
    private void LibraryChanged()
    {
        Interlocked.Increment(ref _generation);
        _readCache.Clear();
    }

    // The library_changes counter, read at most once per ReadCacheLifetime however many callers ask (they share the
    // read), and again at once after a write through this instance.
    private async Task<long> LibraryVersionAsync(long generation, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var check = Volatile.Read(ref _versionCheck);
        if (check is null || check.Generation != generation || now - check.At >= _readCacheLifetime || now < check.At
            || check.Version is { IsFaulted: true } or { IsCanceled: true })
        {
            var fresh = new VersionCheck(generation, now, ReadLibraryVersionAsync());
            var previous = Interlocked.CompareExchange(ref _versionCheck, fresh, check);
            check = ReferenceEquals(previous, check) ? fresh : previous!;
        }

        return await check.Version.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> ReadLibraryVersionAsync()
    {
        await using var connection = await OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>("SELECT counter FROM library_changes WHERE id = 1").ConfigureAwait(false);
    }

    // Callers asking the same thing at once share one read (no stampede when the library changes). The shared read runs
    // to the end even if the caller that started it gives up; each caller stops waiting on its own token. The version
    // is read before the answer is worked out, so a write that lands meanwhile makes the answer look older than it is
    // (worked out again next time), never newer.
    private async Task<T> CachedAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        if (_readCacheLifetime <= TimeSpan.Zero)
        {
            return await read(cancellationToken).ConfigureAwait(false);
        }

        var generation = Interlocked.Read(ref _generation);
        var version = await LibraryVersionAsync(generation, cancellationToken).ConfigureAwait(false);
        if (_readCache.TryGetValue(key, out var hit) && hit.Generation == generation && hit.Version == version
            && hit.Value is Task<T> { IsFaulted: false, IsCanceled: false } shared)
        {
            return await shared.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_readCache.Count >= ReadCacheCapacity)
        {
            _readCache.Clear();
        }

        var task = read(CancellationToken.None);
        var entry = new CachedRead(generation, version, task);
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
    private async Task<IReadOnlyList<ReviewSummary>> ReviewSummariesAsync(System.Data.Common.DbConnection connection, IReadOnlyList<long> ids, Viewer? viewer = null, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // The id list drives the join (see SqlDialect.ByIdsFrom): left to the planner, a reader's visibility condition
        // walks every public document first.
        var (from, where) = _dialect.ByIdsFrom(learning: false);
        var rows = (await connection.QueryAsync<ReviewSummaryRow>(new CommandDefinition(
            $"SELECT {SummarySql.ReviewColumns} {from} WHERE {where} AND {(viewer is null ? "1 = 1" : Access.VisibilityFilter.Condition(viewer))}",
            new { ids = _dialect.IdList(ids) }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Id);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id].ToSummary())];
    }
}
