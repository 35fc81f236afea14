using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Lantern.Core.Bulletins;

/// <summary>Lays text down the pages of a PDF, wrapping words and starting a new page when the current one fills.</summary>
internal sealed class PdfPageWriter : IDisposable
{
    public const double ListIndent = 18;
    private const double Margin = 56;
    private const double BodySize = 10.5;

    private readonly PdfDocument _document;
    private readonly XFont _regular = new(PdfFontResolver.FamilyName, BodySize, XFontStyleEx.Regular);
    private readonly XFont _bold = new(PdfFontResolver.FamilyName, BodySize, XFontStyleEx.Bold);
    private XGraphics? _graphics;
    private double _y;
    private double _width;
    private double _bottom;

    public PdfPageWriter(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    private XGraphics Graphics => _graphics!;

    public void Heading(IReadOnlyList<TextRun> runs, int level)
    {
        var size = level switch { 1 => 20.0, 2 => 15.0, 3 => 12.5, _ => 11.0 };
        var font = new XFont(PdfFontResolver.FamilyName, size, XFontStyleEx.Bold);
        var lineHeight = font.GetHeight();

        // Keep a heading with at least two lines of what follows it.
        if (_y + lineHeight + (3 * _regular.GetHeight()) > _bottom)
        {
            NewPage();
        }

        _y += level == 1 ? 0 : lineHeight * 0.4;
        var text = string.Concat(runs.Select(r => r.Text));
        foreach (var line in Wrap([new TextRun(text, true)], font, font, _width))
        {
            EnsureRoom(lineHeight);
            DrawLine(line, font, font, Margin);
            _y += lineHeight;
        }

        _y += lineHeight * 0.3;
    }

    public void Paragraph(IReadOnlyList<TextRun> runs, double indent, string? marker, bool tight = false)
    {
        var lineHeight = _regular.GetHeight() * 1.15;
        var left = Margin + indent;
        var first = true;
        foreach (var line in Wrap(runs, _regular, _bold, _width - indent))
        {
            EnsureRoom(lineHeight);
            if (first && marker is not null)
            {
                Graphics.DrawString(marker, _regular, XBrushes.Black, new XPoint(left - ListIndent, _y), XStringFormats.TopLeft);
            }

            DrawLine(line, _regular, _bold, left);
            _y += lineHeight;
            first = false;
        }

        _y += tight ? lineHeight * 0.2 : lineHeight * 0.6;
    }

    public void Gap() => _y += _regular.GetHeight() * 0.4;

    public void Dispose() => _graphics?.Dispose();

    private void EnsureRoom(double height)
    {
        if (_y + height > _bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
        _width = page.Width.Point - (2 * Margin);
        _bottom = page.Height.Point - Margin;
    }

    private void DrawLine(List<TextRun> line, XFont regular, XFont bold, double left)
    {
        var x = left;
        foreach (var run in line)
        {
            var font = run.Bold ? bold : regular;
            Graphics.DrawString(run.Text, font, XBrushes.Black, new XPoint(x, _y), XStringFormats.TopLeft);
            x += Graphics.MeasureString(run.Text, font).Width;
        }
    }

    // Greedy word wrap over runs of mixed weight; a word longer than the line is broken by characters.
    private List<List<TextRun>> Wrap(IReadOnlyList<TextRun> runs, XFont regular, XFont bold, double width)
    {
        var lines = new List<List<TextRun>>();
        var current = new List<TextRun>();
        var used = 0.0;
        foreach (var run in runs)
        {
            var font = run.Bold ? bold : regular;
            foreach (var word in SplitKeepingSpaces(run.Text))
            {
                var piece = current.Count == 0 ? word.TrimStart() : word;
                if (piece.Length == 0)
                {
                    continue;
                }

                var size = Graphics.MeasureString(piece, font).Width;
                if (used + size > width && current.Count > 0)
                {
                    lines.Add(current);
                    current = [];
                    used = 0;
                    piece = piece.TrimStart();
                    size = Graphics.MeasureString(piece, font).Width;
                }

                while (size > width && piece.Length > 1)
                {
                    var fit = piece.Length - 1;
                    while (fit > 1 && Graphics.MeasureString(piece[..fit], font).Width > width)
                    {
                        fit--;
                    }

                    lines.Add([new TextRun(piece[..fit], run.Bold)]);
                    piece = piece[fit..];
                    size = Graphics.MeasureString(piece, font).Width;
                }

                current.Add(new TextRun(piece, run.Bold));
                used += size;
            }
        }

        if (current.Count > 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    private static IEnumerable<string> SplitKeepingSpaces(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ' ' && text[i - 1] != ' '))
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
