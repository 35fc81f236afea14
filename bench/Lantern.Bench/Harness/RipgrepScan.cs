using System.Diagnostics;

namespace Lantern.Bench.Harness;

/// <summary>The linear-scan baseline: <c>rg -c -i</c> over a folder holding one text file per document.</summary>
internal static class RipgrepScan
{
    public static string? FindRipgrep()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "rg");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Wall time of one scan in milliseconds, and how many files matched.</summary>
    public static (double Milliseconds, int FilesMatched) Scan(string rg, string textDir, MixQuery query)
    {
        var start = new ProcessStartInfo(rg) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("-i");
        if (query.FixedStrings)
        {
            start.ArgumentList.Add("-F");
        }

        foreach (var pattern in query.RgPatterns)
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(pattern);
        }

        start.ArgumentList.Add(textDir);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return (elapsed, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
