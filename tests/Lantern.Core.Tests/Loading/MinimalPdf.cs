using System.Globalization;
using System.Text;

namespace Lantern.Core.Tests.Loading;

/// <summary>
/// Writes small PDFs for tests: A4 pages with lines of text in the standard Helvetica font (no font files needed).
/// Hand-written rather than drawn with PDFsharp, so the loader tests depend on no PDF library.
/// </summary>
internal static class MinimalPdf
{
    /// <summary>A line of text at (x, y) points from the page's top-left corner.</summary>
    public sealed record TextLine(double X, double Y, string Text);

    public const double PageHeight = 842;

    public static byte[] Build(IReadOnlyList<IReadOnlyList<TextLine>> pages)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var winAnsi = Encoding.GetEncoding(1252);
        var objects = new List<byte[]>();
        var pageCount = pages.Count;

        // 1: catalog, 2: pages, 3: font, then for each page: page object and content stream.
        objects.Add(Ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        var kids = string.Join(' ', Enumerable.Range(0, pageCount).Select(i => $"{4 + (2 * i)} 0 R"));
        objects.Add(Ascii($"<< /Type /Pages /Kids [{kids}] /Count {pageCount} >>"));
        objects.Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        for (var i = 0; i < pageCount; i++)
        {
            var content = new MemoryStream();
            if (pages[i].Count == 0)
            {
                content.Write(Ascii("0.5 g 50 50 200 300 re f\n"));
            }

            foreach (var line in pages[i])
            {
                content.Write(Ascii(string.Create(CultureInfo.InvariantCulture, $"BT /F1 11 Tf {line.X:0.##} {PageHeight - line.Y:0.##} Td (")));
                foreach (var b in winAnsi.GetBytes(line.Text))
                {
                    if (b is (byte)'(' or (byte)')' or (byte)'\\')
                    {
                        content.WriteByte((byte)'\\');
                    }

                    content.WriteByte(b);
                }

                content.Write(Ascii(") Tj ET\n"));
            }

            var stream = content.ToArray();
            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 {PageHeight}] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + (2 * i)} 0 R >>"));
            objects.Add([.. Ascii($"<< /Length {stream.Length} >>\nstream\n"), .. stream, .. Ascii("\nendstream")]);
        }

        var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (var n = 0; n < objects.Count; n++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{n + 1} 0 obj\n"));
            pdf.Write(objects[n]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
}
