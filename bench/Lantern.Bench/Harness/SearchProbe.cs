using System.Diagnostics;
using System.Globalization;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;

namespace Lantern.Bench.Harness;

/// <summary>
/// <c>search-probe --data DIR [--rounds 20] [--cache]</c>: times the query mix against an existing data folder (for
/// example the <c>search-library</c> a run left in its work folder), without building anything. By default the read
/// cache is off, so every search does its full work; <c>--cache</c> keeps it, as the web app does. Prints the time of
/// the first search (which builds the facet index) and p50/p95/p99 per kind of query for a reader and an editor.
/// <c>--dump FILE</c> first writes every answer the probe will time (and a few variants: page 2, newest first, a
/// filter, learning points), in full, to FILE, so two builds can be compared with <c>diff</c>: for each query and viewer
/// the total, every facet count, the hits in order with their scores and snippets, and more-like-this for the review ids.
/// </summary>
internal static class SearchProbe
{
    public static async Task<int> MainAsync(Dictionary<string, string> options)
    {
        if (!options.TryGetValue("data", out var data) || !File.Exists(Path.Combine(data, LanternLibrary.DatabaseFileName)))
        {
            Console.Error.WriteLine("usage: search-probe --data DIR [--rounds 20] [--cache]   (DIR must hold a library: lantern.db)");
            return 2;
        }

        var rounds = options.TryGetValue("rounds", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : 20;
        using var library = LanternLibrary.Open(data, new LanternLibraryOptions
        {
            ReadCacheLifetime = options.ContainsKey("cache") ? TimeSpan.FromSeconds(5) : TimeSpan.Zero,
            SplitReads = !options.ContainsKey("no-split"),
        });
        if (options.TryGetValue("dump", out var dump))
        {
            await DumpAsync(library, dump, rounds);
            Console.WriteLine($"wrote {dump}");
        }

        var clock = Stopwatch.StartNew();
        var first = await library.SearchAsync(new SearchRequest { Query = "neglect" }, Viewer.Anonymous);
        var overview = await library.GetOverviewAsync(Viewer.LocalOperator);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"library: {overview.ReviewCount:N0} reviews in {overview.DocumentCount:N0} documents; first search (builds the facet index) {clock.Elapsed.TotalMilliseconds:F0} ms, {first.Total:N0} hits; cache {(options.ContainsKey("cache") ? "on" : "off")}; load average {LoadAverage()}"));
        foreach (var (who, viewer) in new[] { ("reader", Viewer.Anonymous), ("editor", Viewer.LocalOperator) })
        {
            var samples = new List<(string Kind, string Query, double Ms, double CpuMs)>();
            var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var q in QueryMix.All)
                {
                    var cpu = CpuMs();
                    var watch = Stopwatch.StartNew();
                    await library.SearchAsync(new SearchRequest { Query = q.Query }, viewer);
                    samples.Add((q.Kind, q.Query, watch.Elapsed.TotalMilliseconds, CpuMs() - cpu));
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{who,-7} garbage collections during these searches: gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms"));
            if (options.ContainsKey("per-query"))
            {
                // Each query of the mix on its own: which ones set the percentiles.
                foreach (var q in QueryMix.All)
                {
                    var ms = samples.Where(s => s.Query == q.Query).Select(s => s.Ms).ToList();
                    var cpuMs = samples.Where(s => s.Query == q.Query).Select(s => s.CpuMs).ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{who,-7} {q.Query,-30} p50 {Stats.Percentile(ms, 50),8:F2} max {ms.Max(),8:F2} cpu p50 {Stats.Percentile(cpuMs, 50),8:F2}"));
                }
            }

            // CPU time (user + system, every thread of the process) next to wall-clock time: on a shared machine the
            // wall clock also counts waiting for a core.
            Console.WriteLine($"{who,-7} {"kind",-8} {"p50",8} {"p95",8} {"p99",8} {"cpu p50",8} {"cpu p99",8}");
            foreach (var kind in QueryMix.All.Select(q => q.Kind).Distinct().Append("all"))
            {
                var ms = samples.Where(s => kind == "all" || s.Kind == kind).Select(s => s.Ms).ToList();
                var cpuMs = samples.Where(s => kind == "all" || s.Kind == kind).Select(s => s.CpuMs).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{who,-7} {kind,-8} {Stats.Percentile(ms, 50),8:F2} {Stats.Percentile(ms, 95),8:F2} {Stats.Percentile(ms, 99),8:F2} {Stats.Percentile(cpuMs, 50),8:F2} {Stats.Percentile(cpuMs, 99),8:F2}"));
            }
        }

        // What a review page reads: the review, and the reviews most like it.
        var ids = (await library.ListReviewsAsync(Viewer.Anonymous, 0, Math.Max(1, rounds))).Select(x => x.Id).ToList();
        var get = new List<double>();
        var more = new List<double>();
        var moreCpu = new List<double>();
        foreach (var id in ids)
        {
            var watch = Stopwatch.StartNew();
            await library.GetReviewAsync(id, Viewer.Anonymous);
            get.Add(watch.Elapsed.TotalMilliseconds);
            var cpu = CpuMs();
            watch.Restart();
            await library.MoreLikeThisAsync(id, Viewer.Anonymous);
            more.Add(watch.Elapsed.TotalMilliseconds);
            moreCpu.Add(CpuMs() - cpu);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review page ({ids.Count} reviews): get p50 {Stats.Percentile(get, 50):F2} p99 {Stats.Percentile(get, 99):F2} ms; more-like-this p50 {Stats.Percentile(more, 50):F2} p99 {Stats.Percentile(more, 99):F2} ms (cpu p50 {Stats.Percentile(moreCpu, 50):F2} p99 {Stats.Percentile(moreCpu, 99):F2} ms)"));
        return 0;
    }

    /// <summary>Writes every answer of the query mix (and variants) in a stable text form, for diffing two builds.</summary>
    private static async Task DumpAsync(LanternLibrary library, string path, int rounds)
    {
        var requests = new List<SearchRequest>();
        foreach (var q in QueryMix.All)
        {
            requests.Add(new SearchRequest { Query = q.Query });
            requests.Add(new SearchRequest { Query = q.Query, Page = 2 });
            requests.Add(new SearchRequest { Query = q.Query, Sort = SearchSort.Newest });
            requests.Add(new SearchRequest { Query = q.Query, Scope = SearchScope.LearningPoints });
        }

        requests.Add(new SearchRequest { Query = "" });
        requests.Add(new SearchRequest { Query = "", Sort = SearchSort.Oldest, Page = 3 });
        requests.Add(new SearchRequest { Query = "neglect", Filters = new Dictionary<string, IReadOnlyList<string>> { [Facets.Year] = ["2021", "2022"] } });
        requests.Add(new SearchRequest { Query = "housing", Filters = new Dictionary<string, IReadOnlyList<string>> { [Facets.Theme] = ["thresholds-and-referrals"] } });

        await using var writer = new StreamWriter(path);
        foreach (var (who, viewer) in new[] { ("reader", Viewer.Anonymous), ("editor", Viewer.LocalOperator) })
        {
            foreach (var request in requests)
            {
                var results = await library.SearchAsync(request, viewer);
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"== {who} q=[{request.Query}] scope={request.Scope} page={request.Page} sort={request.Sort} filters={string.Join(";", request.Filters.Select(f => f.Key + "=" + string.Join(",", f.Value)))}"));
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"total {results.Total} error [{results.QueryError}] notes [{string.Join(" | ", results.Notes)}]"));
                foreach (var (facet, values) in results.Facets.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    await writer.WriteLineAsync($"facet {facet}: {string.Join(", ", values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Value}={v.Count}")))}");
                }

                foreach (var hit in results.Hits)
                {
                    var r = hit.Review;
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"hit {r.Id} doc {r.DocumentId} score {hit.Score:R} [{r.Title}] [{r.Reference}] {r.Year} {r.Publisher} {r.Type} {r.AgeBand} {r.Outcome} {r.Visibility} themes [{string.Join(",", r.Themes)}]"));
                    await writer.WriteLineAsync($"    snippet {hit.SnippetHtml}");
                    if (hit.LearningPoint is not null)
                    {
                        await writer.WriteLineAsync($"    point {hit.LearningPoint}");
                    }
                }
            }

            var ids = (await library.ListReviewsAsync(viewer, 0, Math.Max(1, rounds))).Select(x => x.Id).ToList();
            foreach (var id in ids)
            {
                var more = await library.MoreLikeThisAsync(id, viewer);
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"== {who} more-like-this {id}: {string.Join(", ", more.Select(m => m.Id))}"));
            }
        }
    }

    /// <summary>CPU time (user + system) of the whole process so far, in milliseconds, to the microsecond (getrusage on Linux).</summary>
    private static double CpuMs()
    {
        if (OperatingSystem.IsLinux() && GetRUsage(0, out var usage) == 0)
        {
            return ((usage.UserSeconds + usage.SystemSeconds) * 1000.0) + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0);
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    }

    // The start of struct rusage on 64-bit Linux: two struct timevals, then 14 longs this probe does not read.
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
