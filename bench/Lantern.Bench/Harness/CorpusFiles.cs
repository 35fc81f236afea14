using Lantern.Bench.Generation;

namespace Lantern.Bench.Harness;

/// <summary>The documents of a generated corpus in manifest order (so a smaller size is always a prefix).</summary>
internal static class CorpusFiles
{
    public static IReadOnlyList<string> List(string corpusDir)
    {
        var manifest = CorpusGenerator.ReadManifest(corpusDir);
        return manifest is not null
            ? [.. manifest.Select(e => Path.Combine(corpusDir, e.FileName))]
            : [.. Directory.GetFiles(corpusDir).Where(f => !f.EndsWith(CorpusGenerator.ManifestName, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }
}
