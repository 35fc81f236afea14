using System.Globalization;
using System.Text;

namespace Lantern.Bench.Generation;

/// <summary>
/// Renders blocks as plain text (with one of several heading styles) and as text that looks as if pdftotext
/// produced it: hard-wrapped lines, a running header, page numbers and form feeds between pages.
/// </summary>
internal static class TextRenderer
{
    public static string Plain(GeneratedDocument document, CaseWriter w)
    {
        var headingStyle = w.Next(0, 4);
        var sb = new StringBuilder();
        sb.Append('\n', w.Next(0, 4));
        foreach (var block in document.Blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Title:
                    sb.Append(headingStyle == 2 ? "## " : "").Append(block.Text).Append("\n\n");
                    break;
                case BlockKind.Heading:
                    sb.Append(headingStyle switch
                    {
                        0 => block.Text.ToUpperInvariant() + ":",
                        1 => block.Text,
                        2 => "### " + block.Text + ":",
                        _ => block.Text.ToUpperInvariant(),
                    }).Append("\n\n");
                    break;
                case BlockKind.Paragraph:
                    sb.Append(block.Text).Append("\n\n");
                    break;
                default:
                    AppendList(sb, block);
                    break;
            }
        }

        return sb.ToString();
    }

    public static void AppendList(StringBuilder sb, Block block)
    {
        for (var i = 0; i < block.Items.Count; i++)
        {
            var marker = block.Marker switch
            {
                ListMarker.Numbered => (i + 1).ToString(CultureInfo.InvariantCulture) + ".",
                ListMarker.Dash => "-",
                ListMarker.Bullet => "•",
                ListMarker.DoubleDot => "..",
                _ => (char)('a' + i) + ")",
            };
            sb.Append(marker).Append(block.Marker == ListMarker.DoubleDot ? "" : " ").Append(block.Items[i]).Append('\n');
            if (block.Marker == ListMarker.DoubleDot)
            {
                sb.Append('\n');
            }
        }

        sb.Append('\n');
    }

    /// <summary>PDF-like text: wrapped at 70–95 columns, 40–55 lines a page, header and page number on each.</summary>
    public static string PdfLike(GeneratedDocument document, CaseWriter w)
    {
        var width = w.Next(70, 96);
        var pageLines = w.Next(40, 56);
        var header = w.Chance(50) ? document.Partnership : $"{document.Partnership} – {document.Title}";
        var footerStyle = w.Next(0, 3);
        var lines = new List<string>();
        foreach (var raw in Plain(document, w).Split('\n'))
        {
            Wrap(raw, width, lines);
        }

        var pages = new List<List<string>>();
        for (var i = 0; i < lines.Count; i += pageLines)
        {
            pages.Add(lines.GetRange(i, Math.Min(pageLines, lines.Count - i)));
        }

        var sb = new StringBuilder();
        for (var p = 0; p < pages.Count; p++)
        {
            if (p > 0)
            {
                sb.Append('\f');
            }

            sb.Append(header).Append("\n\n");
            foreach (var line in pages[p])
            {
                sb.Append(line).Append('\n');
            }

            var number = (p + 1).ToString(CultureInfo.InvariantCulture);
            sb.Append('\n').Append(footerStyle switch
            {
                0 => number,
                1 => $"Page {number} of {pages.Count.ToString(CultureInfo.InvariantCulture)}",
                _ => $"{number}\n\n{number}",
            }).Append('\n');
        }

        return sb.ToString();
    }

    private static void Wrap(string line, int width, List<string> into)
    {
        while (line.Length > width)
        {
            var cut = line.LastIndexOf(' ', width);
            if (cut <= 0)
            {
                cut = width;
            }

            into.Add(line[..cut]);
            line = line[cut..].TrimStart();
        }

        into.Add(line);
    }
}
