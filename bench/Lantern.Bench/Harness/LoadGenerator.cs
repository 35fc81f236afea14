using System.Diagnostics;

namespace Lantern.Bench.Harness;

/// <summary>What one load run saw: successful requests per second, latency percentiles (ms) and errors.</summary>
internal sealed record LoadResult(int Requests, int Errors, double Seconds, double P50, double P99, string? FirstError)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// A bounded closed-loop load generator: <c>clients</c> tasks each send one GET, wait for the whole body, and
/// send the next, until the fixed duration is over. Non-2xx answers and exceptions count as errors.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(HttpClient http, Func<long, string> url, int clients, TimeSpan duration)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        string? firstError = null;
        long counter = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                try
                {
                    using var response = await http.GetAsync(url(Interlocked.Increment(ref counter)));
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.IsSuccessStatusCode)
                    {
                        mine.Add((clock.Elapsed - started).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"HTTP {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}", null);
                    }
                }
#pragma warning disable CA1031 // Every failure is an error to count, not a reason to stop the load.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadResult(all.Count, errors, seconds, Stats.Percentile(all, 50), Stats.Percentile(all, 99), firstError);
    }
}
