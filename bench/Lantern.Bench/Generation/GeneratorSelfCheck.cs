using DocumentFormat.OpenXml.Packaging;

namespace Lantern.Bench.Generation;

/// <summary>
/// The generator's own checks, run by <c>run --smoke</c> (and so by CI): the same seed gives byte-identical
/// files, a smaller corpus is a prefix of a larger one, a different seed gives different documents, every format
/// appears, and every docx opens with OpenXml and holds the text.
/// </summary>
internal static class GeneratorSelfCheck
{
    public static IReadOnlyList<string> Run(string workDir, int seed)
    {
        var problems = new List<string>();
        var a = Path.Combine(workDir, "selfcheck-a");
        var b = Path.Combine(workDir, "selfcheck-b");
        var c = Path.Combine(workDir, "selfcheck-c");
        foreach (var d in new[] { a, b, c })
        {
            if (Directory.Exists(d))
            {
                Directory.Delete(d, recursive: true);
            }
        }

        var first = CorpusGenerator.Generate(120, a, seed);
        var second = CorpusGenerator.Generate(60, b, seed);
        var other = CorpusGenerator.Generate(60, c, seed + 1);
        for (var i = 0; i < second.Count; i++)
        {
            if (first[i].FileName != second[i].FileName
                || !File.ReadAllBytes(Path.Combine(a, first[i].FileName)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, second[i].FileName))))
            {
                problems.Add($"generator: document {i} differs between two runs with seed {seed}");
                break;
            }
        }

        if (first.Take(60).Select(e => e.FileName).SequenceEqual(other.Select(e => e.FileName))
            && File.ReadAllBytes(Path.Combine(a, first[0].FileName)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(c, other[0].FileName))))
        {
            problems.Add("generator: a different seed gave the same documents");
        }

        foreach (var format in new[] { "txt", "pdf-text", "md", "html", "docx" })
        {
            if (!first.Any(e => e.Format == format))
            {
                problems.Add($"generator: no {format} document in 120");
            }
        }

        if (first.Any(e => e.Reviews is < 1 or > 9) || first.Max(e => e.Reviews) < 3)
        {
            problems.Add("generator: review counts outside 1–9, or no multi-review digests");
        }

        foreach (var docx in first.Where(e => e.Format == "docx"))
        {
            using var word = WordprocessingDocument.Open(Path.Combine(a, docx.FileName), false);
            var text = word.MainDocumentPart?.Document?.Body?.InnerText ?? "";
            if (text.Length < 500)
            {
                problems.Add($"generator: {docx.FileName} opens with only {text.Length} characters of text");
            }
        }

        foreach (var d in new[] { a, b, c })
        {
            Directory.Delete(d, recursive: true);
        }

        return problems;
    }
}
