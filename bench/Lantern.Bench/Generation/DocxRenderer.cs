using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Lantern.Bench.Generation;

/// <summary>
/// Renders blocks as a Word document with DocumentFormat.OpenXml, then re-packs the zip with fixed entry
/// times so that the same document always gives the same bytes.
/// </summary>
internal static partial class DocxRenderer
{
    private static readonly DateTimeOffset FixedTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Render(GeneratedDocument document)
    {
        using var raw = new MemoryStream();
        using (var word = WordprocessingDocument.Create(raw, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in document.Blocks)
            {
                switch (block.Kind)
                {
                    case BlockKind.Title:
                        body.Append(Paragraph(block.Text, "Title", bold: true));
                        break;
                    case BlockKind.Heading:
                        body.Append(Paragraph(block.Text, "Heading1", bold: true));
                        break;
                    case BlockKind.Paragraph:
                        body.Append(Paragraph(block.Text, null, bold: false));
                        break;
                    default:
                        for (var i = 0; i < block.Items.Count; i++)
                        {
                            var marker = block.Marker == ListMarker.Numbered ? $"{i + 1}. " : "• ";
                            body.Append(Paragraph(marker + block.Items[i], "ListParagraph", bold: false));
                        }

                        break;
                }
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return Repack(raw.ToArray());
    }

    private static Paragraph Paragraph(string text, string? style, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>
    /// System.IO.Packaging stamps entries with the current time and gives relationships random ids;
    /// rewriting both keeps generation byte-identical for a seed.
    /// </summary>
    private static byte[] Repack(byte[] docx)
    {
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<(string Name, string Content)>();
        foreach (var entry in input.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(entry.Open());
            entries.Add((entry.FullName, reader.ReadToEnd()));
        }

        foreach (var (_, content) in entries)
        {
            foreach (System.Text.RegularExpressions.Match m in RelationshipId().Matches(content))
            {
                var id = m.Groups[1].Value;
                if (!ids.ContainsKey(id))
                {
                    ids[id] = "rId" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var text = content;
                foreach (var (from, to) in ids)
                {
                    text = text.Replace($"Id=\"{from}\"", $"Id=\"{to}\"", StringComparison.Ordinal)
                        .Replace($"r:id=\"{from}\"", $"r:id=\"{to}\"", StringComparison.Ordinal);
                }

                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                using var writer = new StreamWriter(entry.Open(), new System.Text.UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    [System.Text.RegularExpressions.GeneratedRegex("Id=\"(R[0-9a-fA-F]+)\"")]
    private static partial System.Text.RegularExpressions.Regex RelationshipId();
}
