using System.Diagnostics;
using System.Globalization;
using Lantern.Core.Loading;
using Lantern.Core.Pipeline;

namespace Lantern.Bench.Harness;

/// <summary>
/// <c>extract-time [--count 1000] [--passes 7] [--warm 3] [--corpus DIR]</c>: extraction alone (loader + default pipeline) on one
/// thread over the first N corpus documents, several passes, reporting for each pass the process CPU time (user + sys)
/// and the wall time per document, then the medians. CPU time is steadier than wall time on a shared machine.
/// </summary>
internal static class ExtractTime
{
    public static int Run(IReadOnlyDictionary<string, string> options)
    {
        var count = options.TryGetValue("count", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 1000;
        var passes = options.TryGetValue("passes", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 7;
        var corpus = options.GetValueOrDefault("corpus", Path.Combine(Path.GetTempPath(), "lantern-bench", "corpus-20231"));
        var paths = CorpusFiles.List(corpus).Take(count).ToArray();
        var loader = new DocumentLoader();
        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();

        // Warm-up passes (JIT, tiering, compiling busy patterns, file cache), not reported.
        var warm = options.TryGetValue("warm", out var w) ? int.Parse(w, CultureInfo.InvariantCulture) : 3;
        for (var pass = 0; pass < warm; pass++)
        {
            foreach (var path in paths)
            {
                pipeline.Run(loader.Load(path));
            }
        }

        var cpu = new List<double>();
        var wall = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var pass = 0; pass < passes; pass++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var (gen0, gen2, paused, allocated) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
            var clock = Stopwatch.StartNew();
            var reviews = 0;
            foreach (var path in paths)
            {
                reviews += pipeline.Run(loader.Load(path)).Reviews.Count;
            }

            clock.Stop();
            process.Refresh();
            var cpuUs = (process.TotalProcessorTime - cpu0).TotalMilliseconds * 1000 / paths.Length;
            var wallUs = clock.Elapsed.TotalMilliseconds * 1000 / paths.Length;
            cpu.Add(cpuUs);
            wall.Add(wallUs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pass {pass + 1}: {cpuUs,7:F0} µs CPU/doc, {wallUs,7:F0} µs wall/doc ({reviews} reviews); garbage collection: {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / paths.Length:F0} KB allocated/doc, gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds * 1000 / paths.Length:F0} µs/doc"));
        }

        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median over {passes} passes of {paths.Length} documents: {Median(cpu):F0} µs CPU/doc (fastest pass {cpu.Min():F0}) ({1e6 / Median(cpu):F0} docs/s by CPU), {Median(wall):F0} µs wall/doc ({1e6 / Median(wall):F0} docs/s)"));
        return 0;
    }
}
