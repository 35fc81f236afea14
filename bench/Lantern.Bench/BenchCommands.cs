using System.Diagnostics;
using System.Globalization;
using Lantern.Bench.Generation;
using Lantern.Bench.Harness;

namespace Lantern.Bench;

/// <summary>Parses the command line: <c>generate N --out DIR [--seed S]</c>, <c>run [...]</c>, <c>search-probe --data DIR</c>, and the internal <c>ingest-child</c>.</summary>
internal static class BenchCommands
{
    public const int DefaultSeed = 20231;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (args.Any(a => a is "--help" or "-h" or "help"))
        {
            // Asking for help never starts a run (a run with the defaults would overwrite bench/results.md).
            Console.WriteLine(Usage);
            Console.WriteLine("See bench/README.md for what each option and figure means.");
            return 0;
        }

        var options = ParseOptions(args.Skip(1));
        switch (args[0])
        {
            case "generate":
                if (args.Length < 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || !options.TryGetValue("out", out var outDir))
                {
                    Console.Error.WriteLine("usage: generate N --out DIR [--seed S]");
                    return 2;
                }

                var seed = options.TryGetValue("seed", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : DefaultSeed;
                var clock = Stopwatch.StartNew();
                var entries = CorpusGenerator.Generate(count, outDir, seed);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {entries.Count:N0} documents ({entries.Sum(e => e.Reviews):N0} reviews, {entries.Sum(e => e.Bytes) / 1048576.0:F1} MB) to {outDir} in {clock.Elapsed.TotalSeconds:F1} s"));
                foreach (var g in entries.GroupBy(e => e.Format).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g.Key,-9} {g.Count(),7:N0}"));
                }

                return 0;
            case "run":
                var unknown = options.Keys.Where(k => !BenchSettings.OptionNames.Contains(k)).Order(StringComparer.Ordinal).ToList();
                if (unknown.Count > 0)
                {
                    Console.Error.WriteLine($"run: unknown option{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => "--" + u))}; see --help");
                    return 2;
                }

                return await BenchRunner.RunAsync(BenchSettings.From(options, args));
            case "ingest-child":
                return await IngestChild.MainAsync(options);
            case "search-probe":
                return await SearchProbe.MainAsync(options);
            case "extract-dump":
                return ExtractDump.Run(options);
            case "extract-time":
                return ExtractTime.Run(options);
            default:
                Console.Error.WriteLine($"unknown verb '{args[0]}'");
                return 2;
        }
    }

    private const string Usage = """
        usage: Lantern.Bench generate N --out DIR [--seed S]
               Lantern.Bench run [--sizes 1000,10000] [--search-sizes 10000,100000] [--smoke] [--out bench/results.md]
                   [--work DIR] [--seed S] [--clients 32] [--seconds 10] [--rounds 20] [--only extraction,ingest,search,web]
                   [--extract-seconds 60] [--ingest-seconds 120] [--build-seconds 600] [--build-pipeline full|structure]
                   [--search-path "/search?q={q}"] [--review-path "/reviews/{id}"] [--one-by-one]
               Lantern.Bench search-probe --data DIR [--rounds 20] [--cache] [--dump FILE] [--per-query] [--no-split]
               Lantern.Bench extract-dump --out FILE [--count 3000] [--corpus DIR] [--also DIR,DIR]
               Lantern.Bench extract-time [--count 1000] [--passes 7] [--warm 3] [--corpus DIR]
        """;

    /// <summary>Reads <c>--name value</c> pairs; a flag without a value (such as <c>--smoke</c>) maps to "true".</summary>
    public static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var list = args.ToList();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var name = list[i][2..];
            if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name] = list[++i];
            }
            else
            {
                options[name] = "true";
            }
        }

        return options;
    }
}
