using System.Globalization;

namespace Lantern.Bench.Harness;

/// <summary>What one <c>run</c> measures, from the command line. <c>--smoke</c> swaps every size for a tiny one.</summary>
internal sealed record BenchSettings
{
    public required IReadOnlyList<int> Sizes { get; init; }
    public required IReadOnlyList<int> SearchSizes { get; init; }
    public required bool Smoke { get; init; }
    public required string OutFile { get; init; }
    public required string WorkDir { get; init; }
    public required int Seed { get; init; }
    public required int Clients { get; init; }
    public required TimeSpan LoadDuration { get; init; }
    public required int SearchRounds { get; init; }
    public required string SearchPath { get; init; }
    public required string ReviewPath { get; init; }
    public required string CommandLine { get; init; }

    /// <summary>Which benchmarks to run (extraction, ingest, search, web); all by default.</summary>
    public required IReadOnlySet<string> Only { get; init; }

    /// <summary>Longest time for each extraction mode (and the stage profile) before it stops and reports what it did.</summary>
    public required TimeSpan ExtractBudget { get; init; }

    /// <summary>Longest time for each ingest size; an ingest still running then is stopped and reported as not finished.</summary>
    public required TimeSpan IngestBudget { get; init; }

    /// <summary>Longest total time for building the search libraries (ingest with one worker per core).</summary>
    public required TimeSpan BuildBudget { get; init; }

    /// <summary>The pipeline the search libraries are built with: full (default) or structure (see StorageProbe.PipelineFor).</summary>
    public required string BuildPipeline { get; init; }

    /// <summary>Ingest with <c>IngestAsync</c> one file at a time instead of the bulk import (<c>--one-by-one</c>), for comparison.</summary>
    public bool OneByOne { get; init; }

    /// <summary>Every option <c>run</c> reads; any other is refused rather than silently ignored.</summary>
    public static readonly IReadOnlySet<string> OptionNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "smoke", "one-by-one", "sizes", "search-sizes", "extract-seconds", "ingest-seconds", "build-seconds", "build-pipeline",
        "only", "out", "work", "seed", "clients", "seconds", "rounds", "search-path", "review-path",
    };

    public bool Runs(string benchmark) => Only.Count == 0 || Only.Contains(benchmark);

    public static BenchSettings From(Dictionary<string, string> o, string[] args)
    {
        var smoke = o.ContainsKey("smoke");
        return new BenchSettings
        {
            Smoke = smoke,
            OneByOne = o.ContainsKey("one-by-one"),
            Sizes = Ints(o, "sizes", smoke ? [5, 15] : [1_000, 10_000]),
            SearchSizes = Ints(o, "search-sizes", smoke ? [40] : [10_000, 100_000]),
            ExtractBudget = Seconds(o, "extract-seconds", smoke ? 5 : 60),
            IngestBudget = Seconds(o, "ingest-seconds", smoke ? 10 : 120),
            BuildBudget = Seconds(o, "build-seconds", smoke ? 10 : 600),
            BuildPipeline = o.GetValueOrDefault("build-pipeline") ?? "full",
            Only = (o.GetValueOrDefault("only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
            OutFile = o.GetValueOrDefault("out") ?? (smoke ? Path.Combine(Path.GetTempPath(), "lantern-bench-smoke.md") : Path.Combine("bench", "results.md")),
            WorkDir = o.GetValueOrDefault("work") ?? Path.Combine(Path.GetTempPath(), smoke ? "lantern-bench-smoke" : "lantern-bench"),
            Seed = o.TryGetValue("seed", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : BenchCommands.DefaultSeed,
            Clients = o.TryGetValue("clients", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 32,
            LoadDuration = TimeSpan.FromSeconds(Math.Min(10, o.TryGetValue("seconds", out var d) ? double.Parse(d, CultureInfo.InvariantCulture) : smoke ? 2 : 10)),
            SearchRounds = o.TryGetValue("rounds", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : smoke ? 3 : 20,
            SearchPath = o.GetValueOrDefault("search-path") ?? "/search?q={q}",
            ReviewPath = o.GetValueOrDefault("review-path") ?? "/reviews/{id}",
            CommandLine = "dotnet run -c Release --project bench/Lantern.Bench -- " + string.Join(' ', args),
        };
    }

    private static TimeSpan Seconds(Dictionary<string, string> o, string name, double fallback) =>
        TimeSpan.FromSeconds(o.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback);

    private static int[] Ints(Dictionary<string, string> o, string name, int[] fallback) =>
        o.TryGetValue(name, out var v)
            ? [.. v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))]
            : fallback;
}
