using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

/// <summary>
/// Removes page furniture: page-number lines and running headers and footers. With form feeds (pdftotext's page breaks)
/// a header or footer is a line that recurs, digits masked, among the first or last two non-blank lines of at least two
/// pages (and of at least 40% of the pages in longer documents). Without form feeds, lone one-to-three-digit lines go, and so do lines of 20+ characters that are neither
/// sentences nor list items, repeat verbatim, and stand next to a page number at least twice. In both cases the first
/// copy is kept when it stands in the document's opening block (it is then the title, and often names the publisher).
/// Page breaks become blank lines.
/// </summary>
public sealed partial class PageFurnitureNormaliser : ITextNormaliser
{
    /// <summary>How many non-blank lines at the top and bottom of a page may hold a header or footer.</summary>
    public const int EdgeLines = 2;

    /// <summary>At most this many lines of the opening block (before the first blank line) count as the title region.</summary>
    public const int TitleLines = 3;

    public string Normalise(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (UnpagedLeavesUnchanged(text))
        {
            return text;
        }

        var lines = text.Split('\n').Select(l => l.Trim(' ', '\t')).ToList();
        var removed = text.Contains('\f', StringComparison.Ordinal) ? RemovePaged(lines) : RemoveUnpaged(lines);
        if (removed > 0)
        {
            diagnostics.Add(Diagnostic.Info("page-furniture-removed", $"removed {removed} page-number, header or footer line(s)"));
        }

        return string.Join('\n', lines.Where(l => l is not null)).Replace("\f", "\n\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the pass would give the text back as it is, which most documents' text is: no page breaks, no line
    /// with spaces or tabs at its ends to trim, and no line that is a page or lone number. Without page numbers the
    /// unpaged pass removes nothing, as headers and footers go only when they stand near one.
    /// </summary>
    private static bool UnpagedLeavesUnchanged(string text)
    {
        if (text.Contains('\f', StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.Length > 0 && (line[0] is ' ' or '\t' || line[^1] is ' ' or '\t'))
            {
                return false;
            }

            // Both patterns need a digit (\d: any decimal digit, as char.IsDigit).
            if (ContainsDigit(line) && (LineShapes.IsLoneNumber(line) || LineShapes.IsPageNumber(line)))
            {
                return false;
            }

            if (end < 0)
            {
                return true;
            }

            rest = rest[(end + 1)..];
        }
    }

    private static bool ContainsDigit(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int RemovePaged(List<string> lines)
    {
        // Split into pages; a line may start with \f (pdftotext puts it before the next page's first line).
        var pages = new List<List<int>>();
        var current = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            while (line.StartsWith('\f'))
            {
                pages.Add(current);
                current = [];
                line = line[1..];
            }

            if (line.Contains('\f', StringComparison.Ordinal))
            {
                line = line.Replace("\f", " ", StringComparison.Ordinal).Trim();
            }

            lines[i] = line;
            if (line.Length > 0)
            {
                current.Add(i);
            }
        }

        pages.Add(current);
        var remove = new HashSet<int>();
        var pageCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var key in Edges(page).Select(i => Mask(lines[i])).Distinct())
            {
                pageCount[key] = pageCount.GetValueOrDefault(key) + 1;
            }
        }

        // A running header is on most pages (allowing for a different title page and odd/even alternation); a section
        // heading that happens to open two of many pages is not.
        var minPages = Math.Max(2, (int)Math.Ceiling(pages.Count * 0.4));
        foreach (var page in pages)
        {
            foreach (var i in Edges(page))
            {
                if (LineShapes.IsPageNumber(lines[i]) || pageCount.GetValueOrDefault(Mask(lines[i])) >= minPages)
                {
                    remove.Add(i);
                }
            }
        }

        // Page numbers can sit inside the page when a footer line came before them; take them anywhere.
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length > 0 && LineShapes.IsPageNumber(lines[i]))
            {
                remove.Add(i);
            }
        }

        KeepTitle(lines, remove);
        foreach (var i in remove)
        {
            lines[i] = null!;
        }

        // Mark page boundaries as blank lines so paragraphs are not glued across pages by accident.
        for (var p = 1; p < pages.Count; p++)
        {
            var first = pages[p].FirstOrDefault(i => lines[i] is not null, -1);
            if (first > 0)
            {
                lines[first] = "\f" + lines[first];
            }
        }

        return remove.Count;
    }

    private static int RemoveUnpaged(List<string> lines)
    {
        var remove = new HashSet<int>();
        var nonBlank = Enumerable.Range(0, lines.Count).Where(i => lines[i].Length > 0).ToList();
        for (var k = 0; k < nonBlank.Count; k++)
        {
            if (LineShapes.IsLoneNumber(lines[nonBlank[k]]) || LineShapes.IsPageNumber(lines[nonBlank[k]]))
            {
                remove.Add(nonBlank[k]);
            }
        }

        var byText = nonBlank
            .Select((index, k) => (index, k))
            .Where(x => IsHeaderCandidate(lines[x.index]))
            .GroupBy(x => lines[x.index], StringComparer.Ordinal)
            .Where(g => g.Count() >= 2);
        foreach (var group in byText)
        {
            var nearPageNumber = group.Count(x => NearPageNumber(nonBlank, remove, x.k));
            if (nearPageNumber >= 2)
            {
                foreach (var x in group)
                {
                    remove.Add(x.index);
                }

                RemoveWrappedTail(lines, remove, [.. group.Select(x => x.index)]);
            }
        }

        KeepTitle(lines, remove);
        foreach (var i in remove)
        {
            lines[i] = null!;
        }

        return remove.Count;
    }

    // A header wrapped over two lines ("...learning from Rapid Reviews" / "2022"): the line straight after every copy,
    // when it is the same short line each time, goes with it.
    private static void RemoveWrappedTail(List<string> lines, HashSet<int> remove, List<int> copies)
    {
        var tails = copies.Select(i => i + 1).ToList();
        if (tails.Any(t => t >= lines.Count || lines[t].Length == 0 || lines[t].Length > 40 || LineShapes.IsListItem(lines[t])))
        {
            return;
        }

        if (tails.Select(t => lines[t]).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            remove.UnionWith(tails);
        }
    }

    private static bool NearPageNumber(List<int> nonBlank, HashSet<int> pageNumbers, int k)
    {
        for (var d = -3; d <= 3; d++)
        {
            var j = k + d;
            if (d != 0 && j >= 0 && j < nonBlank.Count && pageNumbers.Contains(nonBlank[j]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHeaderCandidate(string line) =>
        line.Length >= 20 && !LineShapes.EndsWithTerminalPunctuation(line) && !LineShapes.IsListItem(line) && !StartsWithBullet(line);

    private static bool StartsWithBullet(string line) => line.Length > 0 && "•●▪■◦➢►✓·-*–\uF0B7\uF0A7\uF076\uF0D8".Contains(line[0], StringComparison.Ordinal);

    // The first copy of a repeated line that stands in the document's opening block is its title: keep it.
    private static void KeepTitle(List<string> lines, HashSet<int> remove)
    {
        var start = lines.FindIndex(l => l.Length > 0);
        for (var i = start; i >= 0 && i < lines.Count && i < start + TitleLines && lines[i].Length > 0; i++)
        {
            if (remove.Contains(i) && !LineShapes.IsPageNumber(lines[i]) && !LineShapes.IsLoneNumber(lines[i]))
            {
                remove.Remove(i);
                return;
            }
        }
    }

    private static IEnumerable<int> Edges(List<int> page) =>
        page.Count <= EdgeLines * 2 ? page : page.Take(EdgeLines).Concat(page.TakeLast(EdgeLines));

    private static string Mask(string line) => Digits().Replace(line, "0").ToUpperInvariant();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
