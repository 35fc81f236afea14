using System.Diagnostics;
using System.Security.Cryptography;

namespace Lantern.Bench.Harness;

/// <summary>Throughput of one pass over a set of files: documents, bytes and wall time.</summary>
internal sealed record Throughput(int Documents, long Bytes, TimeSpan Elapsed, int Failures = 0, long Reviews = 0)
{
    public double DocsPerSecond => Documents / Elapsed.TotalSeconds;
    public double MbPerSecond => Bytes / 1048576.0 / Elapsed.TotalSeconds;
}

/// <summary>
/// The floor every other figure is set against: merely reading each file's bytes and hashing them with SHA-256
/// (what the loader must do anyway to content-address the original).
/// </summary>
internal static class ReadHashBaseline
{
    public static Throughput Run(IReadOnlyList<string> paths, bool parallel)
    {
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        if (parallel)
        {
            Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
            {
                var data = File.ReadAllBytes(p);
                SHA256.HashData(data);
                Interlocked.Add(ref bytes, data.Length);
            });
        }
        else
        {
            foreach (var p in paths)
            {
                var data = File.ReadAllBytes(p);
                SHA256.HashData(data);
                bytes += data.Length;
            }
        }

        return new Throughput(paths.Count, bytes, clock.Elapsed);
    }
}
