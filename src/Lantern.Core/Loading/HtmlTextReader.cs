using System.Text;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Lantern.Core.Loading;

/// <summary>
/// Reads the main content of a web page as plain text: &lt;main&gt;, [role=main] or &lt;article&gt; when present, else
/// &lt;body&gt;; site furniture (scripts, navigation, headers, footers, cookie banners, share buttons…) is dropped.
/// Blocks become paragraphs separated by blank lines, list items become <c>• </c> lines (numbered in &lt;ol&gt;),
/// headings stand on their own lines, &lt;br&gt; is a line break and table rows are lines with cells separated by " | ".
/// </summary>
internal static class HtmlTextReader
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

    // The selectors asked of every header, footer and weakly marked block, parsed once rather than on every query.
    // A parsed selector is immutable; matching with it is what QuerySelector/Closest with the same text do.
    private static readonly ISelector Headings = new CssSelectorParser().ParseSelector("h1, h2, h3, h4, h5, h6")!;
    private static readonly ISelector TopHeadings = new CssSelectorParser().ParseSelector("h1, h2, h3")!;
    private static readonly ISelector ContentContainers = new CssSelectorParser().ParseSelector("article, main, [role=main]")!;
    private static readonly ISelector Main = new CssSelectorParser().ParseSelector("main")!;
    private static readonly ISelector RoleMain = new CssSelectorParser().ParseSelector("[role=main]")!;
    private static readonly ISelector Article = new CssSelectorParser().ParseSelector("article")!;

    // One parser per thread, reused for every page it reads (building one sets up a whole browsing context).
    [ThreadStatic]
    private static HtmlParser? t_parser;

    public static string Read(string html)
    {
        var document = (t_parser ??= new HtmlParser()).ParseDocument(html);
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
        var main = document.ChildNodes.QuerySelector(Main) ?? document.ChildNodes.QuerySelector(RoleMain);
        if (main is not null)
        {
            return [main];
        }

        var articles = document.ChildNodes.QuerySelectorAll(Article).Where(a => a.ParentElement is not { } parent || Closest(parent, Article) is null).ToList();
        if (articles.Count > 0)
        {
            return articles;
        }

        return document.Body is { } body ? [body] : document.DocumentElement is { } html ? [html] : [];
    }

    private static void RemoveFurniture(IElement root)
    {
        // Every furniture element is found in the tree as parsed, then removed. Inside an element already doomed nothing
        // needs judging: whatever it holds goes with it, and no other element's verdict reads the tree after removals.
        var doomed = new List<IElement>();
        FindFurniture(root, doomed);
        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static void FindFurniture(IElement parent, List<IElement> doomed)
    {
        for (var child = parent.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (IsFurniture(child))
            {
                doomed.Add(child);
            }
            else
            {
                FindFurniture(child, doomed);
            }
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
            var insideContent = element.ParentElement is { } parent && Closest(parent, ContentContainers) is not null;
            return !insideContent || element.ChildNodes.QuerySelector(Headings) is null;
        }

        if (element.GetAttribute("role") is { } role && FurnitureRoles.Contains(role.Trim()))
        {
            return true;
        }

        var strong = false;
        var weak = false;
        foreach (var attribute in MarkingAttributes)
        {
            if (element.GetAttribute(attribute) is { Length: > 0 } value)
            {
                foreach (var token in Tokens(value))
                {
                    strong |= FurnitureTokens.Contains(token);
                    weak |= WeakFurnitureTokens.Contains(token);
                }
            }
        }

        if (strong)
        {
            return true;
        }

        return weak
            && TextLengthBelow(element, 600)
            && element.ChildNodes.QuerySelector(TopHeadings) is null;
    }

    private static readonly string[] MarkingAttributes = ["id", "class", "aria-label"];

    // The element itself or its nearest ancestor that the selector matches (as IElement.Closest does).
    private static IElement? Closest(IElement element, ISelector selector)
    {
        for (IElement? current = element; current is not null; current = current.ParentElement)
        {
            if (selector.Match(current, current))
            {
                return current;
            }
        }

        return null;
    }

    // element.TextContent.Length < limit, without building the text: the lengths of its text nodes, in any order.
    private static bool TextLengthBelow(INode node, int limit)
    {
        var length = 0;
        return Below(node, ref length, limit);

        static bool Below(INode node, ref int length, int limit)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    length += text.Data.Length;
                    if (length >= limit)
                    {
                        return false;
                    }
                }
                else if (child is IElement && !Below(child, ref length, limit))
                {
                    return false;
                }
            }

            return true;
        }
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
    // Each word is cut at '-' and '_' and between a lower-case and an upper-case ASCII letter (the pattern
    // "[-_]|(?<=[a-z])(?=[A-Z])" did this with Regex.Split); empty parts are dropped.
    private static List<string> Tokens(string value)
    {
        var tokens = new List<string>();
        var parts = new List<string>();
        foreach (var word in value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            parts.Clear();
            var start = 0;
            for (var i = 0; i <= word.Length; i++)
            {
                var cut = i == word.Length || word[i] is '-' or '_';
                var camel = !cut && i > 0 && char.IsAsciiLetterLower(word[i - 1]) && char.IsAsciiLetterUpper(word[i]);
                if (!cut && !camel)
                {
                    continue;
                }

                if (i > start)
                {
                    parts.Add(word[start..i].ToLowerInvariant());
                }

                // A separator is dropped; a case change starts the next part at its upper-case letter.
                start = cut ? i + 1 : i;
            }

            tokens.AddRange(parts);
            tokens.Add(string.Concat(parts));
        }

        return tokens;
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
            var i = 0;
            while (i < text.Length)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    // A run of white space is one space, unless the text so far ends a line or with a space.
                    _space = _sb.Length > 0 && _sb[^1] is not ('\n' or ' ');
                    while (++i < text.Length && char.IsWhiteSpace(text[i]))
                    {
                    }

                    continue;
                }

                // A run of other characters is copied as it stands.
                var start = i;
                while (++i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                }

                if (_space)
                {
                    _sb.Append(' ');
                    _space = false;
                }

                _sb.Append(text, start, i - start);
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

        // The text without the line breaks at its ends (as ToString().Trim('\n') gives), copied out of the builder once.
        public override string ToString()
        {
            var start = 0;
            while (start < _sb.Length && _sb[start] == '\n')
            {
                start++;
            }

            var end = _sb.Length;
            while (end > start && _sb[end - 1] == '\n')
            {
                end--;
            }

            return _sb.ToString(start, end - start);
        }
    }
}
