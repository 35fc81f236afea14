using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace Lantern.Core.Bulletins;

/// <summary>
/// Turns bulletin Markdown into a complete, accessible HTML page: <c>lang="en-GB"</c>, a title, the content in
/// <c>&lt;main&gt;</c>, no script and no inline style. Raw HTML in the Markdown is shown as text, never passed through.
/// </summary>
public static partial class BulletinHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The page body alone (the rendered Markdown).</summary>
    public static string Fragment(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = Markdown.ToHtml(markdown, Pipeline);

        // Only web and mail links survive; an editor's template cannot smuggle in a javascript: or data: link.
        return UnsafeLink().Replace(html, "href=\"#\"");
    }

    /// <summary>A whole page with <paramref name="title"/> (plain text) in its head.</summary>
    public static string Page(string markdown, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n</head>\n<body>\n<main>\n")
            .Append(Fragment(markdown))
            .Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    [GeneratedRegex(@"href=""(?!https?:|mailto:|#)[^""]*""", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeLink();
}
