using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lantern.Storage.Abstractions;

namespace Lantern.Bench.Harness;

/// <summary>
/// The ingest child process: opens a library in <c>--data</c>, ingests files <c>--skip</c> to <c>--count</c> of
/// <c>--corpus</c> with <c>--parallel</c> workers (1: in order, as the CLI does), stops taking new files after
/// <c>--deadline-seconds</c>, and prints one result line with its own peak resident memory. By default the files go
/// through the library's bulk import (<c>IngestManyAsync</c>: parallel extraction, batched transactions, with
/// <c>--parallel</c> ignored); <c>--one-by-one</c> calls <c>IngestAsync</c> per file instead, for comparison.
/// </summary>
internal static class IngestChild
{
    public static async Task<int> MainAsync(Dictionary<string, string> options)
    {
        var corpus = options["corpus"];
        var count = int.Parse(options["count"], CultureInfo.InvariantCulture);
        var skip = Int(options, "skip", 0);
        var workers = Math.Max(1, Int(options, "parallel", 1));
        var deadline = TimeSpan.FromSeconds(Int(options, "deadline-seconds", int.MaxValue / 1000));
        var files = CorpusFiles.List(corpus).Take(count).Skip(skip).ToArray();
        await using var handle = await StorageProbe.OpenAsync(options["data"], StorageProbe.PipelineFor(options.GetValueOrDefault("pipeline")));
        if (handle is null)
        {
            Console.WriteLine("storage not available");
            return 3;
        }

        var ingestOptions = new IngestOptions { Actor = "bench" };
        int added = 0, present = 0, rejected = 0, failed = 0, next = -1, done = 0;
        long bytes = 0, reviews = 0, peakManaged = 0;
        string? firstProblem = null;
        var firstSeconds = 0.0;
        var stopped = false;
        var clock = Stopwatch.StartNew();

        async Task Worker()
        {
            while (true)
            {
                if (clock.Elapsed > deadline)
                {
                    stopped = true;
                    return;
                }

                var i = Interlocked.Increment(ref next);
                if (i >= files.Length)
                {
                    return;
                }

                var data = await File.ReadAllBytesAsync(files[i]);
                Interlocked.Add(ref bytes, data.Length);
                try
                {
                    var outcome = await handle.Library.IngestAsync(Path.GetFileName(files[i]), data, ingestOptions);
                    Interlocked.Add(ref reviews, outcome.ReviewCount);
                    switch (outcome.Status)
                    {
                        case IngestStatus.Added: Interlocked.Increment(ref added); break;
                        case IngestStatus.AlreadyPresent: Interlocked.Increment(ref present); break;
                        default:
                            Interlocked.Increment(ref rejected);
                            Interlocked.CompareExchange(ref firstProblem, $"{outcome.FileName}: {outcome.Message}", null);
                            break;
                    }
                }
#pragma warning disable CA1031 // IngestAsync promises not to throw for content; count the times it does and go on.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstProblem, $"{Path.GetFileName(files[i])}: {e.GetType().Name}: {e.Message}", null);
                }

                if (Interlocked.Increment(ref done) == 1)
                {
                    firstSeconds = clock.Elapsed.TotalSeconds;
                }

                if ((i & 255) == 0)
                {
                    var heap = GC.GetTotalMemory(false);
                    lock (clock)
                    {
                        peakManaged = Math.Max(peakManaged, heap);
                    }
                }
            }
        }

        void Count(IngestOutcome outcome)
        {
            Interlocked.Add(ref reviews, outcome.ReviewCount);
            switch (outcome.Status)
            {
                case IngestStatus.Added: Interlocked.Increment(ref added); break;
                case IngestStatus.AlreadyPresent: Interlocked.Increment(ref present); break;
                default:
                    Interlocked.Increment(ref rejected);
                    Interlocked.CompareExchange(ref firstProblem, $"{outcome.FileName}: {outcome.Message}", null);
                    break;
            }

            if (Interlocked.Increment(ref done) == 1)
            {
                firstSeconds = clock.Elapsed.TotalSeconds;
            }

            if ((done & 255) == 0)
            {
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            }
        }

        // Files are handed over lazily, so the deadline stops new files from being read.
        IEnumerable<IngestFile> Feed()
        {
            foreach (var path in files)
            {
                if (clock.Elapsed > deadline)
                {
                    stopped = true;
                    yield break;
                }

                yield return new IngestFile(path, async token =>
                {
                    var data = await File.ReadAllBytesAsync(path, token);
                    Interlocked.Add(ref bytes, data.Length);
                    return data;
                });
            }
        }

        if (options.ContainsKey("one-by-one"))
        {
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Worker)));
        }
        else
        {
            try
            {
                await foreach (var outcome in handle.Library.IngestManyAsync(Feed(), ingestOptions))
                {
                    Count(outcome);
                }
            }
#pragma warning disable CA1031 // Report the failure in the result line rather than losing the figures.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref failed);
                firstProblem ??= $"bulk import: {e.GetType().Name}: {e.Message}";
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        using var self = Process.GetCurrentProcess();
        var peakRss = Machine.ReadProcField("/proc/self/status", "VmHWM:") ?? self.PeakWorkingSet64 / 1024;
        var result = new IngestChildResult(done, bytes, seconds, added, present, rejected, failed, reviews, peakRss, peakManaged, handle.How, firstProblem, firstSeconds, stopped && done < files.Length);
        Console.WriteLine(IngestBench.ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    private static int Int(Dictionary<string, string> o, string name, int fallback) =>
        o.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
