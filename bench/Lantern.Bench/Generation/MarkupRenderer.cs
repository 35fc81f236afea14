using System.Net;
using System.Text;

namespace Lantern.Bench.Generation;

/// <summary>Renders blocks as Markdown, or as a web page with navigation, a cookie banner and a footer.</summary>
internal static class MarkupRenderer
{
    public static string Markdown(GeneratedDocument document, CaseWriter w)
    {
        var boldHeadings = w.Chance(30);
        var sb = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Title:
                    sb.Append("# ").Append(block.Text).Append("\n\n");
                    break;
                case BlockKind.Heading:
                    sb.Append("## ").Append(boldHeadings ? $"**{block.Text}**" : block.Text).Append("\n\n");
                    break;
                case BlockKind.Paragraph:
                    sb.Append(block.Text).Append("\n\n");
                    break;
                default:
                    for (var i = 0; i < block.Items.Count; i++)
                    {
                        sb.Append(block.Marker == ListMarker.Numbered ? $"{i + 1}. " : "- ").Append(block.Items[i]).Append('\n');
                    }

                    sb.Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }

    public static string Html(GeneratedDocument document, CaseWriter w)
    {
        var site = LayoutWriter.Slug(document.Partnership);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(document.Title)).Append(" | ").Append(Encode(document.Partnership)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/assets/site.css\">\n<script src=\"/assets/analytics.js\"></script>\n</head>\n<body>\n");
        sb.Append("<div class=\"cookie-banner\" role=\"dialog\"><p>We use cookies to make this site work and to understand how it is used.</p>")
            .Append("<button>Accept all cookies</button> <button>Reject optional cookies</button></div>\n");
        sb.Append("<header><a class=\"logo\" href=\"/\">").Append(Encode(document.Partnership)).Append("</a>\n<nav><ul>")
            .Append("<li><a href=\"/\">Home</a></li><li><a href=\"/practitioners\">Practitioners</a></li>")
            .Append("<li><a href=\"/reviews\">Reviews</a></li><li><a href=\"/training\">Training</a></li><li><a href=\"/contact\">Contact us</a></li></ul></nav></header>\n");
        if (w.Chance(50))
        {
            sb.Append("<nav class=\"breadcrumbs\"><a href=\"/\">Home</a> &gt; <a href=\"/reviews\">Reviews</a> &gt; ")
                .Append(Encode(document.Title)).Append("</nav>\n");
        }

        sb.Append("<main>\n<article>\n");
        foreach (var block in document.Blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Title:
                    sb.Append("<h1>").Append(Encode(block.Text)).Append("</h1>\n");
                    break;
                case BlockKind.Heading:
                    sb.Append("<h2>").Append(Encode(block.Text)).Append("</h2>\n");
                    break;
                case BlockKind.Paragraph:
                    sb.Append("<p>").Append(Encode(block.Text)).Append("</p>\n");
                    break;
                default:
                    var tag = block.Marker == ListMarker.Numbered ? "ol" : "ul";
                    sb.Append('<').Append(tag).Append(">\n");
                    foreach (var item in block.Items)
                    {
                        sb.Append("  <li>").Append(Encode(item)).Append("</li>\n");
                    }

                    sb.Append("</").Append(tag).Append(">\n");
                    break;
            }
        }

        sb.Append("</article>\n<aside><h2>Related pages</h2><ul><li><a href=\"/procedures\">Procedures</a></li><li><a href=\"/threshold\">Threshold document</a></li></ul></aside>\n</main>\n");
        sb.Append("<footer><p>&copy; ").Append(Encode(document.Partnership))
            .Append("</p><ul><li><a href=\"/accessibility\">Accessibility</a></li><li><a href=\"/privacy\">Privacy notice</a></li><li><a href=\"/cookies\">Cookies</a></li></ul>")
            .Append("<p>https://").Append(site).Append(".example.org.uk</p></footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
