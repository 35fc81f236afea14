using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lantern.Storage.Abstractions;

namespace Lantern.Bench.Harness;

/// <summary>What an ingest child process reports on its last line of output.</summary>
internal sealed record IngestChildResult(
    int Documents, long Bytes, double Seconds, int Added, int AlreadyPresent, int Rejected, int Failed,
    long Reviews, long PeakRssKb, long PeakManagedBytes, string How, string? FirstProblem, double FirstDocumentSeconds = 0, bool Stopped = false);

/// <summary>
/// Ingest throughput into a fresh SQLite data folder. Each size runs in a child process so that its peak
/// resident memory (VmHWM) belongs to that ingest alone, which is what shows whether memory stays flat.
/// </summary>
internal static class IngestBench
{
    public const string ResultPrefix = "INGEST-RESULT ";

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
            var result = await RunChildAsync(corpusDir, 0, size, dataDir, settings.IngestBudget, oneByOne: settings.OneByOne);
            if (result is null)
            {
                report.Note($"ingest of {size:N0} documents: storage not available (no library factory found in Lantern.Storage, or the child failed)");
                continue;
            }

            var baseline = ReadHashBaseline.Run(allFiles.Take(result.Documents).ToArray(), parallel: false);
            var docsPerSecond = result.Documents / result.Seconds;
            if (result.Stopped)
            {
                report.Note(string.Create(CultureInfo.InvariantCulture,
                    $"ingest of {size:N0}: stopped by the {settings.IngestBudget.TotalSeconds:N0} s budget after {result.Documents:N0} documents; at that rate all {size:N0} would take about {size / docsPerSecond:N0} s"));
            }

            rows.Add([
                result.Stopped ? $"{size:N0} (stopped at {result.Documents:N0})" : size.ToString("N0", CultureInfo.InvariantCulture), Stats.F(result.Seconds, 1), Stats.F(result.FirstDocumentSeconds * 1000, 0), Stats.F(docsPerSecond, 0),
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

            kept = (dataDir, result.Documents);
        }

        if (rows.Count == 0)
        {
            report.Target("ingest of 10,000 documents into SQLite under 60 s", "not available", null);
            report.Target("ingest memory flat (peak RSS at 10k ≈ at 1k)", "not available", null);
            return null;
        }

        report.Table(
            $"Ingest into a fresh SQLite data folder ({(settings.OneByOne ? "`IngestAsync` one file at a time, `--one-by-one`" : "bulk `IngestManyAsync`: parallel extraction, batched transactions")}, opened with {results[0].Result.How})",
            ["documents", "seconds", "of which 1st doc (ms, JIT)", "docs/s", "MB/s", "read+hash docs/s", "read+hash MB/s", "baseline ÷ ingest", "added / present / rejected / failed", "reviews", "peak RSS (VmHWM)", "managed heap (sampled max)"],
            rows);

        var largest = results[^1];
        var tenK = results.FirstOrDefault(r => r.Size == 10_000);
        report.Target("ingest of 10,000 documents into SQLite under 60 s",
            tenK.Result is null ? $"not run at 10,000 (largest {largest.Size:N0}: {Stats.F(largest.Result.Seconds, 1)} s)"
                : tenK.Result.Stopped ? $"not finished: {tenK.Result.Documents:N0} documents in {Stats.F(tenK.Result.Seconds, 0)} s (≈ {Stats.F(10_000 * tenK.Result.Seconds / Math.Max(1, tenK.Result.Documents), 0)} s projected)"
                : $"{Stats.F(tenK.Result.Seconds, 1)} s",
            tenK.Result is null ? null : !tenK.Result.Stopped && tenK.Result.Seconds < 60);
        if (results.Count >= 2)
        {
            var growth = (double)results[^1].Result.PeakRssKb / results[0].Result.PeakRssKb;
            var last = results[^1];
            var partial = last.Result.Stopped ? $"; the {last.Size:N0} run stopped at {last.Result.Documents:N0} documents, so this is not the full comparison" : "";
            report.Target("ingest memory flat (peak RSS at the largest size within 1.5× of the smallest)",
                $"{Stats.F(results[0].Result.PeakRssKb / 1024.0, 0)} MB at {results[0].Result.Documents:N0} docs → {Stats.F(last.Result.PeakRssKb / 1024.0, 0)} MB at {last.Result.Documents:N0} docs ({Stats.F(growth, 2)}×){partial}",
                last.Result.Stopped ? null : growth <= 1.5);
        }

        return kept;
    }

    /// <summary>
    /// Ingests files <paramref name="skip"/> to <paramref name="count"/> (exclusive) of the corpus into
    /// <paramref name="dataDir"/> in a child process; null when it failed.
    /// </summary>
    public static async Task<IngestChildResult?> RunChildAsync(string corpusDir, int skip, int count, string dataDir, TimeSpan deadline, int parallel = 1, string pipeline = "full", bool oneByOne = false)
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

        foreach (var a in new[]
        {
            "ingest-child", "--corpus", corpusDir, "--skip", skip.ToString(CultureInfo.InvariantCulture), "--count", count.ToString(CultureInfo.InvariantCulture),
            "--data", dataDir, "--parallel", parallel.ToString(CultureInfo.InvariantCulture), "--pipeline", pipeline,
            "--deadline-seconds", ((int)Math.Ceiling(deadline.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(a);
        }

        if (oneByOne)
        {
            start.ArgumentList.Add("--one-by-one");
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

    public static void DeleteFolder(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
