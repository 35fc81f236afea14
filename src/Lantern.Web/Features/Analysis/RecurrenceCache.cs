using System.Collections.Concurrent;
using Lantern.Core.Analysis.Recurrence;

namespace Lantern.Web.Features.Analysis;

/// <summary>
/// Keeps recent recurring-learning results for a short while (30 seconds), per what the viewer may see and the
/// selection, so that review pages (each listing the groups its learning belongs to) do not regroup the whole
/// library on every view. A change to the library shows up once the entry expires.
/// </summary>
public sealed class RecurrenceCache(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int Capacity = 64;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, Task<(RecurrenceResult, string?)> Value)> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached result for <paramref name="key"/>, or a fresh one from <paramref name="compute"/> (shared by callers asking at once).</summary>
    public async Task<(RecurrenceResult Result, string? Error)> GetAsync(string key, Func<Task<(RecurrenceResult, string?)>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var hit) && hit.Expires > now && hit.Value is { IsFaulted: false, IsCanceled: false })
        {
            return await hit.Value;
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        var task = compute();
        _entries[key] = (now + Lifetime, task);
        try
        {
            return await task;
        }
        catch (Exception) when (task.IsFaulted || task.IsCanceled)
        {
            _entries.TryRemove(key, out _);
            throw;
        }
    }
}
