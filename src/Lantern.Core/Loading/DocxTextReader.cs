using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Lantern.Core.Loading;

/// <summary>
/// Reads a Word (.docx) body as plain text: each paragraph a line with a blank line between paragraphs, list paragraphs
/// (numbering or a List style) prefixed with <c>• </c>, table rows as lines with cells separated by " | ". Headers and
/// footers are skipped. The zip is inspected with System.IO.Compression before OpenXml opens it, so damaged files and
/// zip bombs are rejected cheaply.
/// </summary>
internal static class DocxTextReader
{
    /// <summary>Largest total uncompressed size accepted, in bytes (256 MiB).</summary>
    public const long MaxUncompressedBytes = 256L * 1024 * 1024;

    /// <summary>Entries larger than this (1 MiB uncompressed) must not compress better than <see cref="MaxRatio"/>:1.</summary>
    public const long RatioCheckFloor = 1024 * 1024;

    public const int MaxRatio = 100;

    public static LoadResult Read(string fileName, byte[] bytes)
    {
        var problem = Inspect(fileName, bytes);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return LoadResult.Reject(LoadErrorCodes.NotWord, fileName, "not a Word document (it has no document body)");
            }

            var sb = new StringBuilder();
            var previousWasListItem = false;
            WriteBlocks(body.ChildElements, sb, ref previousWasListItem);
            return LoadResult.Ok(sb.ToString().Trim('\n'));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FormatException or InvalidOperationException)
        {
            return LoadResult.Reject(LoadErrorCodes.DocxDamaged, fileName, $"the .docx is damaged or truncated ({ex.Message.TrimEnd('.')})");
        }
    }

    // Checks the zip container before OpenXml reads it: truncated, a zip bomb, or not a Word document.
    private static LoadResult? Inspect(string fileName, byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (entry.Length > RatioCheckFloor && entry.Length > entry.CompressedLength * MaxRatio)
                {
                    return Bomb(fileName, $"{entry.FullName} expands from {Size(entry.CompressedLength)} to {Size(entry.Length)}");
                }
            }

            if (declared > MaxUncompressedBytes)
            {
                return Bomb(fileName, $"it would expand to {Size(declared)}; the limit is {Size(MaxUncompressedBytes)}");
            }

            if (zip.GetEntry("word/document.xml") is null)
            {
                return LoadResult.Reject(LoadErrorCodes.NotWord, fileName, "not a Word document (the zip holds no word/document.xml)");
            }

            // Sizes in the zip directory can lie: inflate everything once, with a budget, to be sure.
            // The buffer is rented: a fresh 80 KB array for every document was a good part of what loading a .docx allocated.
            long actual = 0;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                foreach (var entry in zip.Entries)
                {
                    using var entryStream = entry.Open();
                    int read;
                    while ((read = entryStream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        actual += read;
                        if (actual > MaxUncompressedBytes)
                        {
                            return Bomb(fileName, $"it expands past {Size(MaxUncompressedBytes)}");
                        }
                    }
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return LoadResult.Reject(LoadErrorCodes.DocxDamaged, fileName, "the .docx is damaged or truncated (it is not a readable zip file)");
        }
    }

    private static LoadResult Bomb(string fileName, string detail) =>
        LoadResult.Reject(LoadErrorCodes.ZipBomb, fileName, $"looks like a zip bomb ({detail})");

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private static void WriteBlocks(IEnumerable<OpenXmlElement> elements, StringBuilder sb, ref bool previousWasListItem)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    var boxes = new List<string>();
                    var text = ParagraphText(paragraph, boxes);
                    if (text.Length > 0)
                    {
                        var isListItem = IsListItem(paragraph);
                        Separate(sb, isListItem && previousWasListItem);
                        sb.Append(isListItem ? "\u2022 " + text : text);
                        previousWasListItem = isListItem;
                    }

                    foreach (var box in boxes)
                    {
                        Separate(sb, previousWasListItem: false);
                        sb.Append(box);
                        previousWasListItem = false;
                    }

                    break;
                case Table table:
                    var firstRow = true;
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>()
                            .Select(c => string.Join(' ', c.Descendants<Paragraph>().Where(p => !p.Ancestors<Paragraph>().Any()).Select(p => ParagraphText(p)).Where(t => t.Length > 0)))
                            .Where(t => t.Length > 0)
                            .ToList();
                        if (cells.Count > 0)
                        {
                            Separate(sb, previousWasListItem: !firstRow);
                            sb.Append(string.Join(" | ", cells));
                            firstRow = false;
                        }
                    }

                    previousWasListItem = false;
                    break;
                case SdtBlock sdt:
                    WriteBlocks(sdt.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>(), sb, ref previousWasListItem);
                    break;
                case CustomXmlBlock custom:
                    WriteBlocks(custom.ChildElements, sb, ref previousWasListItem);
                    break;
            }
        }
    }

    // Consecutive list items (and table rows) are on consecutive lines; anything else gets a blank line before it.
    private static void Separate(StringBuilder sb, bool previousWasListItem)
    {
        if (sb.Length == 0)
        {
            return;
        }

        while (sb.Length > 0 && sb[^1] == '\n')
        {
            sb.Length--;
        }

        sb.Append(previousWasListItem ? "\n" : "\n\n");
    }

    private static bool IsListItem(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        // numId 0 is Word's way of switching numbering off for a paragraph.
        if (properties?.NumberingProperties?.NumberingId?.Val is { } numId && numId.Value != 0)
        {
            return true;
        }

        var style = properties?.ParagraphStyleId?.Val?.Value;
        return style is not null && style.Contains("List", StringComparison.OrdinalIgnoreCase) && !style.Contains("Table", StringComparison.OrdinalIgnoreCase);
    }

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // A paragraph's own text. Paragraphs nested inside it (text boxes) are collected into boxes, so they come out once,
    // as paragraphs of their own; the VML fallback copy Word stores beside each text box is skipped. Word elements in
    // places the SDK does not type (inside mc:Choice) arrive as unknown elements and are read by name.
    private static string ParagraphText(OpenXmlElement paragraph, List<string>? boxes = null)
    {
        var sb = new StringBuilder();
        AppendText(paragraph, sb, boxes);
        return sb.ToString().Trim();
    }

    private static void AppendText(OpenXmlElement element, StringBuilder sb, List<string>? boxes)
    {
        foreach (var child in element.ChildElements)
        {
            var word = child is OpenXmlUnknownElement && child.NamespaceUri == WordNamespace ? child.LocalName : null;
            switch (child)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar:
                    sb.Append(' ');
                    break;
                case Break or CarriageReturn:
                    sb.Append('\n');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
                case AlternateContentFallback:
                    break;
                case Paragraph:
                    AddBox(child, boxes);
                    break;
                default:
                    switch (word)
                    {
                        case "t":
                            sb.Append(child.InnerText);
                            break;
                        case "tab":
                            sb.Append(' ');
                            break;
                        case "br" or "cr":
                            sb.Append('\n');
                            break;
                        case "p":
                            AddBox(child, boxes);
                            break;
                        case "delText" or "instrText":
                            break;
                        default:
                            AppendText(child, sb, boxes);
                            break;
                    }

                    break;
            }
        }
    }

    private static void AddBox(OpenXmlElement nested, List<string>? boxes)
    {
        var text = ParagraphText(nested, boxes);
        if (text.Length > 0)
        {
            boxes?.Add(text);
        }
    }
}
