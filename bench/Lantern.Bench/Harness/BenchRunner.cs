using System.Diagnostics;
using System.Globalization;
using Lantern.Bench.Generation;

namespace Lantern.Bench.Harness;

/// <summary>Runs every benchmark in one process on one machine, then prints and writes the report.</summary>
internal static class BenchRunner
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var report = new Report();
        var problems = settings.Smoke ? GeneratorSelfCheck.Run(settings.WorkDir, settings.Seed) : [];
        foreach (var problem in problems)
        {
            report.Note("FAILED " + problem);
        }

        var corpusDir = Path.Combine(settings.WorkDir, $"corpus-{settings.Seed}");
        var files = EnsureCorpus(settings, corpusDir);

        var extractionCount = settings.Sizes.Max();
        await Guard("extraction", report, () => { ExtractionBench.Run([.. files.Take(extractionCount)], (CorpusGenerator.ReadManifest(corpusDir) ?? []).ToDictionary(e => e.FileName, StringComparer.Ordinal), settings.ExtractBudget, report); return Task.CompletedTask; }, settings);
        (string, int)? ingestFolder = null;
        await Guard("ingest", report, async () => ingestFolder = await IngestBench.RunAsync(settings, corpusDir, files, report), settings);
        string? searchFolder = null;
        await Guard("search", report, async () => searchFolder = await SearchBench.RunAsync(settings, corpusDir, ingestFolder, report), settings);
        if (searchFolder is null && !settings.Runs("search") && settings.Runs("web")
            && File.Exists(Path.Combine(settings.WorkDir, "search-library", "lantern.db")))
        {
            // `--only web`: measure the pages over the library an earlier run left behind instead of building one.
            searchFolder = Path.Combine(settings.WorkDir, "search-library");
            report.Note($"web: measured over the existing library {searchFolder} (left by an earlier run; search was not run)");
        }

        await Guard("web", report, () => WebBench.RunAsync(settings, searchFolder, report), settings);

        var markdown = report.Render(settings.CommandLine, TimeProvider.System.GetUtcNow(), clock.Elapsed);
        var outDir = Path.GetDirectoryName(Path.GetFullPath(settings.OutFile));
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        await File.WriteAllTextAsync(settings.OutFile, markdown);
        Console.WriteLine($"wrote {settings.OutFile} ({clock.Elapsed.TotalSeconds:F0} s)");

        // The smoke run fails CI only for the harness's own checks; other areas' misses are reported, not fatal.
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>One benchmark's failure (another area's bug, say) is reported and the others still run.</summary>
    private static async Task Guard(string name, Report report, Func<Task> benchmark, BenchSettings settings)
    {
        if (!settings.Runs(name))
        {
            return;
        }

        try
        {
            await benchmark();
        }
#pragma warning disable CA1031 // The harness reports every failure and carries on; it never hides one.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : e;
            report.Note($"{name} benchmark FAILED: {inner.GetType().Name}: {inner.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>
    /// Generates (or reuses) a corpus big enough for the largest ingest size and the largest search size.
    /// Documents average about three reviews, so the search sizes need roughly a third as many documents.
    /// </summary>
    private static IReadOnlyList<string> EnsureCorpus(BenchSettings settings, string corpusDir)
    {
        var needed = Math.Max(settings.Sizes.Max(), (int)(settings.SearchSizes.DefaultIfEmpty(0).Max() / 2.5) + 10);
        var manifest = CorpusGenerator.ReadManifest(corpusDir);
        while (manifest is null || manifest.Count < needed || manifest.Sum(e => e.Reviews) < settings.SearchSizes.DefaultIfEmpty(0).Max())
        {
            var count = manifest is null || manifest.Count < needed ? needed : manifest.Count * 3 / 2;
            var clock = Stopwatch.StartNew();
            manifest = CorpusGenerator.Generate(count, corpusDir, settings.Seed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {count:N0} documents in {corpusDir} in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        return CorpusFiles.List(corpusDir);
    }
}
