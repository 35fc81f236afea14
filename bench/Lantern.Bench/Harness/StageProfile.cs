using System.Diagnostics;
using Lantern.Core.Loading;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Bench.Harness;

/// <summary>
/// Where extraction time goes, single-threaded: each normalisation pass, the segmenter, and each review and
/// document extractor, timed separately over the same documents, so a missed target can name the slow stage.
/// </summary>
internal static class StageProfile
{
    public static void Run(IReadOnlyList<string> paths, TimeSpan budget, Report report)
    {
        var builder = new ReviewPipelineBuilder().UseDefaults();
        var pipeline = builder.Build();
        var loader = new DocumentLoader();
        var clock = new Stopwatch();
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var allocated = new Dictionary<string, long>(StringComparer.Ordinal);
        var before = 0L;
        void Add(string name, TimeSpan t)
        {
            times[name] = times.GetValueOrDefault(name) + t;
            allocated[name] = allocated.GetValueOrDefault(name) + GC.GetAllocatedBytesForCurrentThread() - before;
        }

        void Start()
        {
            before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
        }

        var total = Stopwatch.StartNew();
        var count = 0;
        foreach (var path in paths)
        {
            if (total.Elapsed > budget)
            {
                break;
            }

            count++;
            Start();
            var source = loader.Load(path);
            Add("load (DocumentLoader)", clock.Elapsed);
            var diagnostics = new List<Diagnostic>();
            var text = source.RawText;
            foreach (var normaliser in builder.Normalisers)
            {
                Start();
                text = normaliser.Normalise(text, diagnostics);
                Add("normalise: " + normaliser.GetType().Name, clock.Elapsed);
            }

            Start();
            var layout = builder.Segmenter!.Segment(text, diagnostics);
            Add("segment: " + builder.Segmenter.GetType().Name, clock.Elapsed);
            for (var i = 0; i < layout.Reviews.Count; i++)
            {
                var context = new ReviewContext(text, layout, layout.Reviews[i]);
                var review = new Review { Index = i, Span = layout.Reviews[i].Span };
                foreach (var extractor in builder.ReviewExtractors)
                {
                    Start();
                    review = extractor.Extract(context, review);
                    Add("review: " + extractor.GetType().Name, clock.Elapsed);
                }
            }

            Start();
            pipeline.Run(source);
            Add("(whole pipeline, for comparison)", clock.Elapsed);
        }

        var rows = times.OrderByDescending(kv => kv.Value)
            .Select(kv => new[] { kv.Key, Stats.F(kv.Value.TotalMilliseconds, 0), Stats.F(kv.Value.TotalMilliseconds * 1000 / count, 0), Stats.F(allocated[kv.Key] / 1024.0 / count, 0) })
            .ToList();
        report.Table($"Extraction stages, single thread ({count:N0} documents; document extractors are inside the whole-pipeline row)",
            ["stage", "total ms", "µs per document", "KB allocated per document"], rows);
    }
}
