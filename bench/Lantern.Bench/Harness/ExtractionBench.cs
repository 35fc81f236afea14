using System.Diagnostics;
using Lantern.Core.Loading;
using Lantern.Core.Pipeline;

namespace Lantern.Bench.Harness;

/// <summary>
/// Extraction alone, with no store: <see cref="DocumentLoader"/> plus the default pipeline over every file,
/// single-threaded and over all cores, next to the read-and-hash baseline of the same files.
/// </summary>
internal static class ExtractionBench
{
    private static IReadOnlyDictionary<string, Generation.ManifestEntry> _manifest = new Dictionary<string, Generation.ManifestEntry>();

    // (layout/format) → (documents, documents whose review count matched the generator's plan)
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Docs, int Matched)> _segmentation = new(StringComparer.Ordinal);

    /// <summary>
    /// Measures each mode over <paramref name="paths"/>, stopping a mode early when <paramref name="budget"/> runs out
    /// (the rate is then over the documents done, and the table says how many).
    /// </summary>
    public static void Run(IReadOnlyList<string> paths, IReadOnlyDictionary<string, Generation.ManifestEntry> manifest, TimeSpan budget, Report report)
    {
        _manifest = manifest;
        _segmentation.Clear();
        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
        var loader = new DocumentLoader();

        // Warm up so that the rate measured is the settled one, not start-up: the JIT's later tiers, the regexes that
        // are compiled once they prove hot (a few hundred of them, each after some hundreds of uses), and the file cache.
        // 50 documents left the first few thousand measured ones at 2–8× the settled cost. At most 2,000 documents or 20 s.
        var warmUp = Stopwatch.StartNew();
        Extract(paths.Take(Math.Min(2_000, paths.Count)).ToArray(), pipeline, loader, parallel: false, TimeSpan.FromSeconds(Math.Min(20, budget.TotalSeconds)));
        report.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"extraction: warmed up on the first {Math.Min(2_000, paths.Count):N0} documents (single thread, {warmUp.Elapsed.TotalSeconds:F1} s, not counted) before measuring"));
        _segmentation.Clear();
        ReadHashBaseline.Run(paths, parallel: false);

        var rows = new List<string[]>();
        foreach (var parallel in new[] { false, true })
        {
            var extraction = Extract(paths, pipeline, loader, parallel, budget);
            var baseline = ReadHashBaseline.Run(paths.Take(extraction.Documents).ToArray(), parallel);
            var threads = parallel ? Environment.ProcessorCount : 1;
            var done = extraction.Documents < paths.Count ? $" — stopped by the {budget.TotalSeconds:N0} s budget after {extraction.Documents:N0} documents" : "";
            rows.Add([
                (parallel ? $"Parallel.ForEach ({threads} cores)" : "single thread") + done,
                Stats.F(extraction.DocsPerSecond, 0), Stats.F(extraction.MbPerSecond, 2),
                Stats.F(baseline.DocsPerSecond, 0), Stats.F(baseline.MbPerSecond, 1),
                Stats.F(baseline.DocsPerSecond / extraction.DocsPerSecond, 1) + "×",
                extraction.Reviews.ToString(System.Globalization.CultureInfo.InvariantCulture),
                extraction.Failures.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ]);
            if (!parallel)
            {
                report.Target("extraction ≥ 1,000 bulletin-sized documents/s per core", $"{Stats.F(extraction.DocsPerSecond, 0)} docs/s on one thread", extraction.DocsPerSecond >= 1000);
            }
            else
            {
                report.Metric("extraction.parallel.docsPerSecond", extraction.DocsPerSecond);
            }
        }

        report.Table(
            $"Extraction alone ({paths.Count:N0} documents averaging {Stats.F(paths.Average(p => new FileInfo(p).Length) / 1024.0, 1)} KB, loader + `UseDefaults()` pipeline, no store)",
            ["mode", "docs/s", "MB/s", "read+hash docs/s", "read+hash MB/s", "baseline ÷ extraction", "reviews found", "exceptions"],
            rows);
        if (!_segmentation.IsEmpty)
        {
            var all = (Docs: _segmentation.Values.Sum(v => v.Docs), Matched: _segmentation.Values.Sum(v => v.Matched));
            report.Table("Review counts found vs the generator's plan (all extraction passes; a rough segmentation check on unseen layouts)",
                ["layout / format", "documents", "review count as planned"],
                [.. _segmentation.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new[] { kv.Key, kv.Value.Docs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Stats.F(100.0 * kv.Value.Matched / kv.Value.Docs, 0) + " %" }),
                 ["all", all.Docs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Stats.F(100.0 * all.Matched / all.Docs, 0) + " %"]]);
        }

        StageProfile.Run(paths.Take(Math.Min(1_000, paths.Count)).ToArray(), budget, report);
    }

    private static Throughput Extract(IReadOnlyList<string> paths, ReviewPipeline pipeline, DocumentLoader loader, bool parallel, TimeSpan budget)
    {
        long bytes = 0, reviews = 0;
        var failures = 0;
        var done = 0;
        void One(string path)
        {
            Interlocked.Increment(ref done);
            try
            {
                var source = loader.Load(path);
                var result = pipeline.Run(source);
                Interlocked.Add(ref bytes, source.Length);
                Interlocked.Add(ref reviews, result.Reviews.Count);
                if (_manifest.TryGetValue(Path.GetFileName(path), out var planned))
                {
                    var hit = planned.Reviews == result.Reviews.Count ? 1 : 0;
                    _segmentation.AddOrUpdate($"{planned.Layout} / {planned.Format}", (1, hit), (_, v) => (v.Docs + 1, v.Matched + hit));
                }
            }
#pragma warning disable CA1031 // The pipeline promises never to throw; the benchmark counts the times it does instead of stopping.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref failures);
            }
        }

        var clock = Stopwatch.StartNew();
        if (parallel)
        {
            Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (p, state) =>
            {
                One(p);
                if (clock.Elapsed > budget)
                {
                    state.Stop();
                }
            });
        }
        else
        {
            foreach (var p in paths)
            {
                One(p);
                if (clock.Elapsed > budget)
                {
                    break;
                }
            }
        }

        return new Throughput(done, bytes, clock.Elapsed, failures, reviews);
    }
}
