using System.Text;
using System.Text.Encodings.Web;
using Lantern.Core.Model;

namespace Lantern.Web.Features.Reviews;

/// <summary>
/// Renders a stretch of a document's normalised text as HTML with every evidence span wrapped in
/// <c>&lt;mark id="ev-START-LENGTH"&gt;</c>, so each field on the page can link to the words it was read from.
/// </summary>
public static class EvidenceText
{
    /// <summary>The fragment id of a span's mark (stable: the same span always gets the same id).</summary>
    public static string IdFor(SourceSpan span) => $"ev-{span.Start}-{span.Length}";

    /// <summary>
    /// HTML-encodes <paramref name="text"/> within <paramref name="window"/> and marks the spans. Spans that overlap
    /// without nesting are cut at their parent's end, so the marks always nest; spans outside the window are skipped.
    /// </summary>
    public static string Render(string text, SourceSpan window, IEnumerable<SourceSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var start = Math.Clamp(window.Start, 0, text.Length);
        var end = Math.Clamp(window.End, start, text.Length);
        var ordered = spans
            .Where(s => s.Length > 0 && s.Start >= start && s.Start < end)
            .Distinct()
            .OrderBy(s => s.Start).ThenByDescending(s => s.Length)
            .ToList();

        var html = new StringBuilder((end - start) + (ordered.Count * 40));
        var open = new Stack<int>();
        var cursor = start;
        foreach (var span in ordered)
        {
            while (open.Count > 0 && open.Peek() <= span.Start)
            {
                cursor = Close(html, text, cursor, open.Pop());
            }

            Append(html, text, cursor, span.Start);
            cursor = span.Start;
            var spanEnd = Math.Min(span.End, end);
            if (open.Count > 0)
            {
                spanEnd = Math.Min(spanEnd, open.Peek());
            }

            html.Append("<mark id=\"").Append(IdFor(span)).Append("\">");
            open.Push(spanEnd);
        }

        while (open.Count > 0)
        {
            cursor = Close(html, text, cursor, open.Pop());
        }

        Append(html, text, cursor, end);
        return html.ToString();
    }

    private static int Close(StringBuilder html, string text, int cursor, int at)
    {
        Append(html, text, cursor, at);
        html.Append("</mark>");
        return Math.Max(cursor, at);
    }

    private static void Append(StringBuilder html, string text, int from, int to)
    {
        if (to > from)
        {
            html.Append(HtmlEncoder.Default.Encode(text[from..to]));
        }
    }
}
