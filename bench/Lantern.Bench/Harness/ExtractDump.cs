using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lantern.Core.Loading;
using Lantern.Core.Pipeline;

namespace Lantern.Bench.Harness;

/// <summary>
/// <c>extract-dump --out FILE [--count N] [--corpus DIR] [--also DIR,DIR]</c>: runs the loader and the default pipeline
/// over a fixed set of documents and writes everything it produced (the normalised text, every review with every value,
/// its evidence spans and scores, and the diagnostics) as one JSON line per document. Two dumps taken before and after a
/// change to the extraction code must be byte-identical when the change is meant only to make extraction faster.
/// </summary>
internal static class ExtractDump
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("out", out var outPath))
        {
            Console.Error.WriteLine("usage: extract-dump --out FILE [--count 3000] [--corpus DIR] [--also DIR,DIR]");
            return 2;
        }

        var count = options.TryGetValue("count", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 3000;
        var corpus = options.GetValueOrDefault("corpus", Path.Combine(Path.GetTempPath(), "lantern-bench", "corpus-20231"));
        var also = options.TryGetValue("also", out var a)
            ? a.Split(',', StringSplitOptions.RemoveEmptyEntries)
            : ["samples", "/work/shared/corpus/seeds", "tests/data"];

        var paths = new List<string>();
        foreach (var dir in also.Where(Directory.Exists))
        {
            paths.AddRange(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                    || p.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                    || p.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal));
        }

        if (Directory.Exists(corpus))
        {
            paths.AddRange(CorpusFiles.List(corpus).Take(count));
        }

        var loader = new DocumentLoader();
        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
        using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false));
        var reviews = 0;
        foreach (var path in paths)
        {
            var source = loader.Load(path);
            var extraction = pipeline.Run(source);
            reviews += extraction.Reviews.Count;
            var line = new
            {
                Path = path,
                RawSha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source.RawText))),
                Extraction = extraction,
            };
            writer.WriteLine(JsonSerializer.Serialize(line, Options));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dumped {paths.Count:N0} documents ({reviews:N0} reviews) to {outPath}"));
        return 0;
    }
}
