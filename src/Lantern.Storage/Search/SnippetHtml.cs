using System.Net;

namespace Lantern.Storage.Search;

/// <summary>
/// Turns FTS5 snippet text, where matches are wrapped in private-use marker characters, into HTML: every piece of
/// text is encoded and only the markers become &lt;mark&gt;&lt;/mark&gt;, so document text can never inject markup.
/// </summary>
internal static class SnippetHtml
{
    public const string Open = "\uE000";
    public const string Close = "\uE001";

    public static string ToHtml(string? marked)
    {
        if (string.IsNullOrEmpty(marked))
        {
            return "";
        }

        var html = new System.Text.StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != Open[0] && marked[i] != Close[0])
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(marked[start..i]));
            if (i < marked.Length)
            {
                if (marked[i] == Open[0] && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (marked[i] == Close[0] && open)
                {
                    html.Append("</mark>");
                    open = false;
                }
            }

            start = i + 1;
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    /// <summary>The start of a text for browsing results, cut at a word boundary, HTML-encoded.</summary>
    public static string Lead(string? text, int maxChars = 240)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length > maxChars)
        {
            var cut = collapsed.LastIndexOf(' ', maxChars);
            collapsed = collapsed[..(cut > maxChars / 2 ? cut : maxChars)] + "\u2026";
        }

        return WebUtility.HtmlEncode(collapsed);
    }
}
