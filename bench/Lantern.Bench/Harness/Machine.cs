using System.Globalization;
using System.Runtime.InteropServices;

namespace Lantern.Bench.Harness;

/// <summary>The machine a run was measured on: cores, memory, CPU model, OS and runtime.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var memory = ReadProcField("/proc/meminfo", "MemTotal:");
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memoryText = memory is null ? "unknown memory" : Stats.F(memory.Value / 1048576.0, 1) + " GiB RAM";
        // The load average says whether other work shared the machine while it was measured (the 15-minute figure covers
        // most of a full run); it is read when the report is written, at the end of the run.
        var load = File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        return string.Create(CultureInfo.InvariantCulture,
            $"nproc {Environment.ProcessorCount}, {memoryText}, {cpu ?? "unknown CPU"}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average (1, 5, 15 min) at the end of the run: {load ?? "unknown"}");
    }

    /// <summary>Reads a "Name:  123 kB" line from a /proc file; the value in kB, or null when absent.</summary>
    public static long? ReadProcField(string file, string field)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var digits = new string([.. line[field.Length..].Where(char.IsDigit)]);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
    }
}
