using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Lantern.Core.Bulletins;

/// <summary>
/// Writes bulletin Markdown as an A4 PDF with PDFsharp: headings, paragraphs, bulleted and numbered lists, bold text,
/// and a new page whenever the page fills. Fonts are the embedded DejaVu Sans faces, so nothing need be installed.
/// </summary>
public static class BulletinPdf
{
    /// <summary>Renders <paramref name="markdown"/> to PDF bytes; <paramref name="title"/> goes in the document properties.</summary>
    public static byte[] Render(string markdown, string title)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(title);
        PdfFontResolver.EnsureInstalled();

        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Lantern";
        document.Language = "en-GB";
        using (var writer = new PdfPageWriter(document))
        {
            var parsed = Markdown.Parse(markdown, new MarkdownPipelineBuilder().DisableHtml().Build());
            foreach (var block in parsed)
            {
                WriteBlock(writer, block, indent: 0);
            }
        }

        NumberPages(document);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    // "Page 2 of 3" at the foot of each page, so a printed briefing can be put back in order.
    private static void NumberPages(PdfDocument document)
    {
        var font = new XFont(PdfFontResolver.FamilyName, 8, XFontStyleEx.Regular);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = $"Page {i + 1} of {document.PageCount}";
            var box = new XRect(0, page.Height.Point - 36, page.Width.Point, 12);
            graphics.DrawString(text, font, XBrushes.Gray, box, XStringFormats.Center);
        }
    }

    private static void WriteBlock(PdfPageWriter writer, Block block, double indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                writer.Heading(Runs(heading.Inline), heading.Level);
                break;
            case ParagraphBlock paragraph:
                writer.Paragraph(Runs(paragraph.Inline), indent, marker: null);
                break;
            case ListBlock list:
                WriteList(writer, list, indent);
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    WriteBlock(writer, child, indent + PdfPageWriter.ListIndent);
                }

                break;
            case ThematicBreakBlock:
                writer.Gap();
                break;
            case LeafBlock leaf:
                writer.Paragraph([new TextRun(string.Join("\n", leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.ToString())), false)], indent, marker: null);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    WriteBlock(writer, child, indent);
                }

                break;
        }
    }

    private static void WriteList(PdfPageWriter writer, ListBlock list, double indent)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}." : "•";
            var first = true;
            foreach (var child in item)
            {
                if (first && child is ParagraphBlock paragraph)
                {
                    writer.Paragraph(Runs(paragraph.Inline), indent + PdfPageWriter.ListIndent, marker, tight: true);
                }
                else
                {
                    WriteBlock(writer, child, indent + PdfPageWriter.ListIndent);
                }

                first = false;
            }
        }

        writer.Gap();
    }

    private static List<TextRun> Runs(ContainerInline? inline)
    {
        var runs = new List<TextRun>();
        if (inline is not null)
        {
            Collect(inline, bold: false, runs);
        }

        return runs;
    }

    private static void Collect(Inline inline, bool bold, List<TextRun> runs)
    {
        switch (inline)
        {
            case LiteralInline literal:
                runs.Add(new TextRun(literal.Content.ToString(), bold));
                break;
            case CodeInline code:
                runs.Add(new TextRun(code.Content, bold));
                break;
            case AutolinkInline link:
                runs.Add(new TextRun(link.Url, bold));
                break;
            case LineBreakInline:
                runs.Add(new TextRun(" ", bold));
                break;
            case HtmlEntityInline entity:
                runs.Add(new TextRun(entity.Transcoded.ToString(), bold));
                break;
            case EmphasisInline emphasis:
                foreach (var child in emphasis)
                {
                    Collect(child, bold || emphasis.DelimiterCount >= 2, runs);
                }

                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Collect(child, bold, runs);
                }

                break;
        }
    }
}

/// <summary>A stretch of text in one weight.</summary>
internal sealed record TextRun(string Text, bool Bold);
