using System.Diagnostics;
using System.Globalization;
using Lantern.Bench.Generation;
using Lantern.Core.Loading;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Bench.Harness;

/// <summary>
/// Search latency for the fixed query mix at each library size (counted in reviews), next to a ripgrep scan
/// of the same documents' text. Returns the data folder of the largest size, for the web benchmark.
/// </summary>
internal static class SearchBench
{
    public static async Task<string?> RunAsync(BenchSettings settings, string corpusDir, (string Folder, int Documents)? fromIngest, Report report)
    {
        // Each size grows the previous size's library (or the ingest benchmark's, when that is a prefix of what is
        // needed) instead of starting again, so the 100k-review library costs one pass over the corpus.
        if (settings.BuildPipeline != "full")
        {
            report.Note($"search libraries were built with the `{settings.BuildPipeline}` pipeline (normalisation, segmentation and structure extractors; no label extraction or theme coding), because the full pipeline is too slow to build 100k reviews in the time available: review text and full-text search are as in production, but the label and theme facets are empty, so facet counting costs less than it would");
        }

        string? folder = null;
        var held = 0;
        var build = Stopwatch.StartNew();
        var manifest = CorpusGenerator.ReadManifest(corpusDir) ?? [];
        var rg = RipgrepScan.FindRipgrep();
        if (rg is null)
        {
            report.Note("ripgrep (rg) is not installed: the linear-scan column is skipped.");
        }

        var rows = new List<string[]>();
        (int Size, double P99, double Ratio)? largest = null;
        foreach (var size in settings.SearchSizes.Where(s => s > 0).Order())
        {
            var docs = DocumentsFor(manifest, size);
            if (docs is null)
            {
                report.Note($"search at {size:N0} reviews: the corpus is too small");
                continue;
            }

            var dataDir = Path.Combine(settings.WorkDir, "search-library");
            if (settings.BuildPipeline == "full" && fromIngest is { } f && f.Documents <= docs.Value && f.Documents > held && Directory.Exists(f.Folder))
            {
                IngestBench.DeleteFolder(dataDir);
                Directory.Move(f.Folder, dataDir);
                held = f.Documents;
                fromIngest = null;
            }
            else if (folder is null)
            {
                IngestBench.DeleteFolder(dataDir);
            }

            folder = dataDir;
            var left = settings.BuildBudget - build.Elapsed;
            var ingest = left <= TimeSpan.Zero ? null : await IngestBench.RunChildAsync(corpusDir, held, docs.Value, dataDir, left, Environment.ProcessorCount, settings.BuildPipeline);
            if (ingest is null)
            {
                report.Note(left <= TimeSpan.Zero ? $"search at {size:N0} reviews: not measured, the library build budget was spent" : $"search at {size:N0} reviews: storage not available");
                continue;
            }

            held += ingest.Documents;
            var complete = !ingest.Stopped;
            if (!complete)
            {
                report.Note(string.Create(CultureInfo.InvariantCulture,
                    $"search at {size:N0} reviews: the {settings.BuildBudget.TotalSeconds:N0} s build budget ran out after {held:N0} of {docs.Value:N0} documents ({ingest.Documents / ingest.Seconds:F1} docs/s with {Environment.ProcessorCount} workers); measured at the size reached"));
            }

            // The read cache is off while timing: every search does its full work, as a query nobody has asked in the
            // last few seconds does (with it on, repeated queries would time a dictionary lookup).
            await using var handle = await StorageProbe.OpenAsync(dataDir, cacheOff: true);
            if (handle is null)
            {
                continue;
            }

            var overview = await handle.Library.GetOverviewAsync(Viewer.Anonymous);
            var samples = await MeasureAsync(handle.Library, settings.SearchRounds, report);
            var textDir = Path.Combine(settings.WorkDir, $"search-{size}-text");
            var rgTimes = rg is null ? null : ScanAll(rg, textDir, corpusDir, manifest.Take(held), settings.Smoke ? 1 : 3);
            var label = string.Create(CultureInfo.InvariantCulture, $"{(complete ? size.ToString("N0", CultureInfo.InvariantCulture) : "build stopped")} ({overview.ReviewCount:N0} stored, {held:N0} docs)");
            foreach (var kind in QueryMix.All.Select(q => q.Kind).Distinct().Append("all"))
            {
                var mine = samples.Where(s => kind == "all" || s.Kind == kind).Select(s => s.Ms).ToList();
                var scans = rgTimes?.Where(s => kind == "all" || s.Kind == kind).Select(s => s.Ms).ToList();
                var ratio = scans is null ? double.NaN : Stats.Percentile(scans, 50) / Stats.Percentile(mine, 50);
                rows.Add([label, kind, Stats.F(Stats.Percentile(mine, 50), 2), Stats.F(Stats.Percentile(mine, 95), 2), Stats.F(Stats.Percentile(mine, 99), 2),
                    scans is null ? "–" : Stats.F(Stats.Percentile(scans, 50), 1), double.IsNaN(ratio) ? "–" : Stats.F(ratio, ratio < 10 ? 1 : 0) + "×"]);
                if (kind == "all")
                {
                    largest = (complete ? size : overview.ReviewCount, Stats.Percentile(mine, 99), ratio);
                }
            }

            report.Note(string.Create(CultureInfo.InvariantCulture,
                $"search at {size:N0} reviews: library of {held:N0} documents (the last {ingest.Documents:N0} ingested for this size in {ingest.Seconds:F1} s with {Environment.ProcessorCount} workers); hits per query: {string.Join(", ", samples.GroupBy(s => s.Query).Select(g => $"{g.Key} {g.First().Hits}"))}"));
        }

        if (rows.Count > 0)
        {
            report.Table("Search latency (ms, in-process `SearchAsync`, read cache off, anonymous viewer, page of 20) vs `rg -c -i` scan of the same texts",
                ["reviews", "queries", "p50", "p95", "p99", "rg p50", "rg ÷ search (p50)"], rows);
        }

        var at = largest is null ? "not available" : string.Create(CultureInfo.InvariantCulture, $"at {largest.Value.Size:N0} reviews: ");
        report.Target("search p99 under 50 ms at 100k reviews", largest is null ? at : at + Stats.F(largest.Value.P99, 1) + " ms",
            largest is null || largest.Value.Size < 100_000 ? null : largest.Value.P99 < 50);
        report.Target("search ≥ 20× faster than the ripgrep scan", largest is null || double.IsNaN(largest.Value.Ratio) ? "not available" : at + Stats.F(largest.Value.Ratio, 1) + "×",
            largest is null || double.IsNaN(largest.Value.Ratio) || largest.Value.Size < 100_000 ? null : largest.Value.Ratio >= 20);
        if (fromIngest is { } unused)
        {
            IngestBench.DeleteFolder(unused.Folder);
        }

        return folder;
    }

    /// <summary>How many documents (a manifest prefix) hold at least <paramref name="reviews"/> reviews.</summary>
    private static int? DocumentsFor(IReadOnlyList<ManifestEntry> manifest, int reviews)
    {
        var sum = 0;
        for (var i = 0; i < manifest.Count; i++)
        {
            sum += manifest[i].Reviews;
            if (sum >= reviews)
            {
                return i + 1;
            }
        }

        return null;
    }

    private sealed record Sample(string Kind, string Query, double Ms, int Hits);

    private static async Task<List<Sample>> MeasureAsync(IReviewLibrary library, int rounds, Report report)
    {
        foreach (var q in QueryMix.All)
        {
            var warm = await library.SearchAsync(new SearchRequest { Query = q.Query }, Viewer.Anonymous);
            if (warm.QueryError is not null)
            {
                report.Note($"query `{q.Query}` was refused: {warm.QueryError}");
            }
        }

        var samples = new List<Sample>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var q in QueryMix.All)
            {
                var clock = Stopwatch.StartNew();
                var results = await library.SearchAsync(new SearchRequest { Query = q.Query }, Viewer.Anonymous);
                samples.Add(new Sample(q.Kind, q.Query, clock.Elapsed.TotalMilliseconds, results.Total));
            }
        }

        return samples;
    }

    private static List<Sample> ScanAll(string rg, string textDir, string corpusDir, IEnumerable<ManifestEntry> entries, int rounds)
    {
        IngestBench.DeleteFolder(textDir);
        Directory.CreateDirectory(textDir);
        var loader = new DocumentLoader();
        Parallel.ForEach(entries, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, e =>
        {
            var text = loader.Load(Path.Combine(corpusDir, e.FileName)).RawText;
            File.WriteAllText(Path.Combine(textDir, e.FileName + ".txt"), text);
        });

        var samples = new List<Sample>();
        foreach (var q in QueryMix.All)
        {
            RipgrepScan.Scan(rg, textDir, q);
            var times = new List<double>();
            var hits = 0;
            for (var r = 0; r < rounds; r++)
            {
                (var ms, hits) = RipgrepScan.Scan(rg, textDir, q);
                times.Add(ms);
            }

            samples.Add(new Sample(q.Kind, q.Query, Stats.Percentile(times, 50), hits));
        }

        IngestBench.DeleteFolder(textDir);
        return samples;
    }
}
