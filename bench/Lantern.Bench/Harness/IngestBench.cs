using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lantern.Storage.Abstractions;

namespace Lantern.Bench.Harness;

/// <summary>What an ingest child process reports on its last line of output.</summary>
internal sealed record IngestChildResult(
    int Documents, long Bytes, double Seconds, int Added, int AlreadyPresent, int Rejected, int Failed,
    long Reviews, long PeakRssKb, long PeakManagedBytes, string How, string? FirstProblem, double FirstDocumentSeconds = 0);

/// <summary>
/// Ingest throughput into a fresh SQLite data folder. Each size runs in a child process so that its peak
/// resident memory (VmHWM) belongs to that ingest alone, which is what shows whether memory stays flat.
/// </summary>
internal static class IngestBench
{
    private const string ResultPrefix = "INGEST-RESULT ";

    /// <summary>Runs every ingest size; returns the data folder of the largest (kept, so search can grow it) and its document count.</summary>
    public static async Task<(string Folder, int Documents)?> RunAsync(BenchSettings settings, string corpusDir, IReadOnlyList<string> allFiles, Report report)
    {
        (string Folder, int Documents)? kept = null;
        var rows = new List<string[]>();
        var results = new List<(int Size, IngestChildResult Result)>();
        foreach (var size in settings.Sizes.Where(s => s <= allFiles.Count))
        {
            var dataDir = Path.Combine(settings.WorkDir, $"ingest-{size}");
            DeleteFolder(dataDir);
            var result = await RunChildAsync(corpusDir, 0, size, dataDir);
            if (result is null)
            {
                report.Note($"ingest of {size:N0} documents: storage not available (no library factory found in Lantern.Storage, or the child failed)");
                continue;
            }

            var baseline = ReadHashBaseline.Run(allFiles.Take(size).ToArray(), parallel: false);
            var docsPerSecond = result.Documents / result.Seconds;
            rows.Add([
                size.ToString("N0", CultureInfo.InvariantCulture), Stats.F(result.Seconds, 1), Stats.F(result.FirstDocumentSeconds * 1000, 0), Stats.F(docsPerSecond, 0),
                Stats.F(result.Bytes / 1048576.0 / result.Seconds, 2), Stats.F(baseline.DocsPerSecond, 0), Stats.F(baseline.MbPerSecond, 1),
                Stats.F(baseline.DocsPerSecond / docsPerSecond, 0) + "×",
                $"{result.Added:N0} / {result.AlreadyPresent:N0} / {result.Rejected:N0} / {result.Failed:N0}", result.Reviews.ToString("N0", CultureInfo.InvariantCulture),
                Stats.F(result.PeakRssKb / 1024.0, 0) + " MB", Stats.Mb(result.PeakManagedBytes),
            ]);
            results.Add((size, result));
            if (result.FirstProblem is not null)
            {
                report.Note($"ingest of {size:N0}: first problem: {result.FirstProblem}");
            }

            if (kept is { } previous)
            {
                DeleteFolder(previous.Folder);
            }

            kept = (dataDir, size);
        }

        if (rows.Count == 0)
        {
            report.Target("ingest of 10,000 documents into SQLite under 60 s", "not available", null);
            report.Target("ingest memory flat (peak RSS at 10k ≈ at 1k)", "not available", null);
            return null;
        }

        report.Table(
            $"Ingest into a fresh SQLite data folder (sequential `IngestAsync`, opened with {results[0].Result.How})",
            ["documents", "seconds", "of which 1st doc (ms, JIT)", "docs/s", "MB/s", "read+hash docs/s", "read+hash MB/s", "baseline ÷ ingest", "added / present / rejected / failed", "reviews", "peak RSS (VmHWM)", "managed heap (sampled max)"],
            rows);

        var largest = results[^1];
        var tenK = results.FirstOrDefault(r => r.Size == 10_000);
        report.Target("ingest of 10,000 documents into SQLite under 60 s",
            tenK.Result is null ? $"not run at 10,000 (largest {largest.Size:N0}: {Stats.F(largest.Result.Seconds, 1)} s)" : $"{Stats.F(tenK.Result.Seconds, 1)} s",
            tenK.Result is null ? null : tenK.Result.Seconds < 60);
        if (results.Count >= 2)
        {
            var growth = (double)results[^1].Result.PeakRssKb / results[0].Result.PeakRssKb;
            report.Target("ingest memory flat (peak RSS at the largest size within 1.5× of the smallest)",
                $"{Stats.F(results[0].Result.PeakRssKb / 1024.0, 0)} MB at {results[0].Size:N0} → {Stats.F(results[^1].Result.PeakRssKb / 1024.0, 0)} MB at {results[^1].Size:N0} ({Stats.F(growth, 2)}×)",
                growth <= 1.5);
        }

        return kept;
    }

    /// <summary>
    /// Ingests files <paramref name="skip"/> to <paramref name="count"/> (exclusive) of the corpus into
    /// <paramref name="dataDir"/> in a child process; null when it failed.
    /// </summary>
    public static async Task<IngestChildResult?> RunChildAsync(string corpusDir, int skip, int count, string dataDir)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = self;
            start.ArgumentList.Add(typeof(IngestBench).Assembly.Location);
        }
        else
        {
            start.FileName = self;
        }

        foreach (var a in new[] { "ingest-child", "--corpus", corpusDir, "--skip", skip.ToString(CultureInfo.InvariantCulture), "--count", count.ToString(CultureInfo.InvariantCulture), "--data", dataDir })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (line is null)
        {
            var error = (await stderr).Trim();
            Console.Error.WriteLine($"ingest child (exit {child.ExitCode}): {stdout.Trim()} {error[..Math.Min(2000, error.Length)]}");
            return null;
        }

        return JsonSerializer.Deserialize<IngestChildResult>(line[ResultPrefix.Length..]);
    }

    /// <summary>The child: opens a library in --data, ingests the first --count files of --corpus, prints one result line.</summary>
    public static async Task<int> ChildMainAsync(Dictionary<string, string> options)
    {
        var corpus = options["corpus"];
        var count = int.Parse(options["count"], CultureInfo.InvariantCulture);
        var skip = options.TryGetValue("skip", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        var files = CorpusFiles.List(corpus).Take(count).Skip(skip).ToArray();
        await using var handle = await StorageProbe.OpenAsync(options["data"]);
        if (handle is null)
        {
            Console.WriteLine("storage not available");
            return 3;
        }

        var ingestOptions = new IngestOptions { Actor = "bench" };
        int added = 0, present = 0, rejected = 0, failed = 0;
        long bytes = 0, reviews = 0, peakManaged = 0;
        string? firstProblem = null;
        var firstSeconds = 0.0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < files.Length; i++)
        {
            var data = await File.ReadAllBytesAsync(files[i]);
            bytes += data.Length;
            try
            {
                var outcome = await handle.Library.IngestAsync(Path.GetFileName(files[i]), data, ingestOptions);
                reviews += outcome.ReviewCount;
                switch (outcome.Status)
                {
                    case IngestStatus.Added: added++; break;
                    case IngestStatus.AlreadyPresent: present++; break;
                    default: rejected++; firstProblem ??= $"{outcome.FileName}: {outcome.Message}"; break;
                }
            }
#pragma warning disable CA1031 // IngestAsync promises not to throw for content; count the times it does and go on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                firstProblem ??= $"{Path.GetFileName(files[i])}: {e.GetType().Name}: {e.Message}";
            }

            if (i == 0)
            {
                firstSeconds = clock.Elapsed.TotalSeconds;
            }

            if ((i & 255) == 0)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        using var self = Process.GetCurrentProcess();
        var peakRss = Machine.ReadProcField("/proc/self/status", "VmHWM:") ?? self.PeakWorkingSet64 / 1024;
        var result = new IngestChildResult(files.Length, bytes, seconds, added, present, rejected, failed, reviews, peakRss, peakManaged, handle.How, firstProblem, firstSeconds);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    public static void DeleteFolder(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
