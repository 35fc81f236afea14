using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Lantern.Core.Tests.Loading;

/// <summary>
/// The HTML reader as it was before it was made faster (selectors parsed per query, a new parser per page, every element
/// judged, tokens split with Regex.Split), kept as the reference the faster reader must agree with byte for byte.
/// Reads the main content of a web page as plain text: &lt;main&gt;, [role=main] or &lt;article&gt; when present, else
/// &lt;body&gt;; site furniture (scripts, navigation, headers, footers, cookie banners, share buttons…) is dropped.
/// Blocks become paragraphs separated by blank lines, list items become <c>• </c> lines (numbered in &lt;ol&gt;),
/// headings stand on their own lines, &lt;br&gt; is a line break and table rows are lines with cells separated by " | ".
/// </summary>
internal static class ReferenceHtmlTextReader
{
    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg", "button", "select", "input",
        "textarea", "object", "embed", "canvas", "dialog", "head", "link", "meta",
    };

    // Tokens of id, class or aria-label that always mark site furniture.
    private static readonly HashSet<string> FurnitureTokens = new(StringComparer.Ordinal)
    {
        "cookie", "cookies", "gdpr", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "skiplink", "skiplinks",
        "megamenu", "sitefooter", "contentinfo", "mainmenu", "primarymenu", "sitemenu", "topmenu", "mobilemenu", "sitenav",
        "mainnav", "primarynav", "globalnav", "sitenavigation", "siteheader", "globalheader", "globalfooter",
    };

    // Tokens that mark furniture only on a small block without headings ("informed-consent" may be a content section).
    private static readonly HashSet<string> WeakFurnitureTokens = new(StringComparer.Ordinal)
    {
        "consent", "menu", "menus", "skip", "share", "sharing", "social", "socials", "footer", "sidebar", "banner", "header", "masthead", "print", "related",
    };

    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar", "dialog", "alertdialog",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "blockquote", "pre", "dl", "dt", "dd", "figure",
        "figcaption", "address", "hr", "details", "summary", "center", "fieldset", "caption", "body", "html",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
    };

    public static string Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var roots = ContentRoots(document);
        foreach (var root in roots)
        {
            RemoveFurniture(root);
        }

        var writer = new BlockWriter();
        foreach (var root in roots)
        {
            writer.Block();
            Write(root, writer);
        }

        return writer.ToString();
    }

    private static List<IElement> ContentRoots(IDocument document)
    {
        var main = document.QuerySelector("main") ?? document.QuerySelector("[role=main]");
        if (main is not null)
        {
            return [main];
        }

        var articles = document.QuerySelectorAll("article").Where(a => a.ParentElement?.Closest("article") is null).ToList();
        if (articles.Count > 0)
        {
            return articles;
        }

        return document.Body is { } body ? [body] : document.DocumentElement is { } html ? [html] : [];
    }

    private static void RemoveFurniture(IElement root)
    {
        var doomed = root.Descendants<IElement>().Where(IsFurniture).ToList();
        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static bool IsFurniture(IElement element)
    {
        var name = element.LocalName;
        if (DroppedElements.Contains(name) || element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true" || IsHiddenByStyle(element))
        {
            return true;
        }

        if (name is "header" or "footer")
        {
            // A page's header and footer are furniture; an article's own header (with its title) is content.
            var insideContent = element.ParentElement?.Closest("article, main, [role=main]") is not null;
            return !insideContent || element.QuerySelector("h1, h2, h3, h4, h5, h6") is null;
        }

        if (element.GetAttribute("role") is { } role && FurnitureRoles.Contains(role.Trim()))
        {
            return true;
        }

        var tokens = new[] { "id", "class", "aria-label" }
            .Select(element.GetAttribute)
            .Where(v => !string.IsNullOrEmpty(v))
            .SelectMany(v => Tokens(v!))
            .ToList();
        if (tokens.Any(FurnitureTokens.Contains))
        {
            return true;
        }

        return tokens.Any(WeakFurnitureTokens.Contains)
            && element.TextContent.Length < 600
            && element.QuerySelector("h1, h2, h3") is null;
    }

    private static bool IsHiddenByStyle(IElement element)
    {
        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

        // "site-footer", "cookieBanner", "skip_link" → site, footer, sitefooter, cookie, banner, cookiebanner, skip, link, skiplink.
    private static IEnumerable<string> Tokens(string value)
    {
        foreach (var word in value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = System.Text.RegularExpressions.Regex.Split(word, "[-_]|(?<=[a-z])(?=[A-Z])")
                .Where(p => p.Length > 0)
                .Select(p => p.ToLowerInvariant())
                .ToList();
            foreach (var part in parts)
            {
                yield return part;
            }

            yield return string.Concat(parts);
        }
    }

    private static void Write(INode node, BlockWriter writer)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Inline(text.Data);
                    break;
                case IElement element:
                    WriteElement(element, writer);
                    break;
            }
        }
    }

    private static void WriteElement(IElement element, BlockWriter writer)
    {
        switch (element.LocalName)
        {
            case "br":
                writer.Line();
                return;
            case "li":
                WriteListItem(element, writer);
                return;
            case "tr":
                writer.Line();
                writer.Inline(string.Join(" | ", element.Children.Where(c => c.LocalName is "td" or "th").Select(CellText).Where(t => t.Length > 0)));
                writer.Line();
                return;
            case "img":
                return;
        }

        var block = BlockElements.Contains(element.LocalName);
        if (block)
        {
            writer.Block();
        }

        Write(element, writer);
        if (block)
        {
            writer.Block();
        }
    }

    private static void WriteListItem(IElement item, BlockWriter writer)
    {
        var list = item.ParentElement;
        string marker = "\u2022 ";
        if (list?.LocalName == "ol")
        {
            var start = int.TryParse(list.GetAttribute("start"), out var s) ? s : 1;
            var index = list.Children.Where(c => c.LocalName == "li").TakeWhile(c => c != item).Count();
            marker = $"{start + index}. ";
        }

        writer.Line();
        writer.Marker(marker);
        writer.ListDepth++;
        Write(item, writer);
        writer.ListDepth--;
        writer.Line();
    }

    private static string CellText(IElement cell)
    {
        var inner = new BlockWriter();
        Write(cell, inner);
        return string.Join(' ', inner.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Builds text with HTML whitespace rules: runs of whitespace are one space; blocks and lines are explicit.</summary>
    private sealed class BlockWriter
    {
        private readonly StringBuilder _sb = new();
        private bool _space;

        /// <summary>Inside a list item, blocks (a &lt;p&gt; in an &lt;li&gt;) stay on the item's line.</summary>
        public int ListDepth { get; set; }

        public void Inline(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _space = _sb.Length > 0 && _sb[^1] is not ('\n' or ' ');
                    continue;
                }

                if (_space)
                {
                    _sb.Append(' ');
                    _space = false;
                }

                _sb.Append(c);
            }
        }

        public void Marker(string marker)
        {
            _sb.Append(marker);
            _space = false;
        }

        public void Line()
        {
            _space = false;
            if (_sb.Length > 0 && _sb[^1] != '\n')
            {
                _sb.Append('\n');
            }
        }

        public void Block()
        {
            if (ListDepth > 0)
            {
                _space = _sb.Length > 0 && _sb[^1] is not ('\n' or ' ');
                return;
            }

            Line();
            if (_sb.Length > 0 && !(_sb.Length >= 2 && _sb[^2] == '\n'))
            {
                _sb.Append('\n');
            }
        }

        public override string ToString() => _sb.ToString().Trim('\n');
    }
}
