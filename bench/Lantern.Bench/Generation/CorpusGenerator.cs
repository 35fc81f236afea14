using System.Globalization;
using System.Text;

namespace Lantern.Bench.Generation;

/// <summary>One generated file, as listed in <c>manifest.tsv</c>.</summary>
internal sealed record ManifestEntry(string FileName, string Layout, string Format, int Reviews, long Bytes);

/// <summary>
/// Writes a deterministic scale corpus: the same seed and count always give byte-identical files.
/// A master <see cref="Random"/> draws one seed per document, so documents can be written in parallel
/// and document <c>i</c> is the same whatever <c>N</c> is (a 1,000-document corpus is a prefix of a 10,000 one).
/// </summary>
internal static class CorpusGenerator
{
    public const string ManifestName = "manifest.tsv";

    public static IReadOnlyList<ManifestEntry> Generate(int count, string outDir, int seed)
    {
        Directory.CreateDirectory(outDir);
        var master = new Random(seed);
        var seeds = new int[count];
        for (var i = 0; i < count; i++)
        {
            seeds[i] = master.Next();
        }

        var entries = new ManifestEntry[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (name, layout, format, reviews, bytes) = Make(i, seeds[i]);
            File.WriteAllBytes(Path.Combine(outDir, name), bytes);
            entries[i] = new ManifestEntry(name, layout, format, reviews, bytes.Length);
        });

        var manifest = new StringBuilder("file\tlayout\tformat\treviews\tbytes\n");
        foreach (var e in entries)
        {
            manifest.Append(CultureInfo.InvariantCulture, $"{e.FileName}\t{e.Layout}\t{e.Format}\t{e.Reviews}\t{e.Bytes}\n");
        }

        File.WriteAllText(Path.Combine(outDir, ManifestName), manifest.ToString(), new UTF8Encoding(false));
        return entries;
    }

    /// <summary>Reads a corpus manifest, or null when the folder has none.</summary>
    public static IReadOnlyList<ManifestEntry>? ReadManifest(string dir)
    {
        var path = Path.Combine(dir, ManifestName);
        if (!File.Exists(path))
        {
            return null;
        }

        return [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p =>
            new ManifestEntry(p[0], p[1], p[2], int.Parse(p[3], CultureInfo.InvariantCulture), long.Parse(p[4], CultureInfo.InvariantCulture)))];
    }

    /// <summary>Makes document <paramref name="index"/> from its own seed.</summary>
    public static (string Name, string Layout, string Format, int Reviews, byte[] Bytes) Make(int index, int documentSeed)
    {
        var w = new CaseWriter(new Random(documentSeed));
        var layouts = new LayoutWriter(w);
        var place = w.Pick(FieldVocabulary.Places);
        var partnership = string.Format(CultureInfo.InvariantCulture, w.Pick(FieldVocabulary.PartnershipForms), place, w.Pick(FieldVocabulary.Places));
        var year = w.Next(2012, 2026);
        var layoutDraw = w.Next(0, 100);
        var document = layoutDraw switch
        {
            < 40 => layouts.Bulletin(partnership, year),
            < 85 => layouts.Digest(partnership, year, w.Next(2, 10)),
            _ => layouts.SevenMinuteBriefing(partnership, year),
        };

        // Mostly text formats, so that 100,000 documents generate in minutes.
        var formatDraw = w.Next(0, 100);
        var (format, ext, bytes) = formatDraw switch
        {
            < 35 => ("txt", "txt", Utf8(TextRenderer.Plain(document, w))),
            < 55 => ("pdf-text", "txt", Utf8(TextRenderer.PdfLike(document, w))),
            < 72 => ("md", "md", Utf8(MarkupRenderer.Markdown(document, w))),
            < 95 => ("html", "html", Utf8(MarkupRenderer.Html(document, w))),
            _ => ("docx", "docx", DocxRenderer.Render(document)),
        };
        var name = string.Create(CultureInfo.InvariantCulture, $"{index:D6}_{document.Layout}_{format}.{ext}");
        return (name, document.Layout, format, document.ReviewCount, bytes);
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
