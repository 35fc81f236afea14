using System.Text.RegularExpressions;

namespace Lantern.Core.Normalisation;

/// <summary>Shared tests of what a single line looks like (list item, heading, page number), used by several passes.</summary>
internal static partial class LineShapes
{
    /// <summary>The canonical bullet every list marker becomes.</summary>
    public const string Bullet = "\u2022 ";

    // Words that stay lower-case inside a Title Case heading.
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "&", "-", "–", "—", "vs", "via",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SmallWordLookup = SmallWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A canonical bullet line or a numbered item as printed (1. 1) (1) a) i.).</summary>
    public static bool IsListItem(ReadOnlySpan<char> line) =>
        line.StartsWith(Bullet, StringComparison.Ordinal) || NumberedItem().IsMatch(line);

    /// <summary>Ends a sentence or clause: . ! ? : ; (optionally followed by closing quotes or brackets).</summary>
    public static bool EndsWithTerminalPunctuation(ReadOnlySpan<char> line) => TerminalEnd().IsMatch(line);

    /// <summary>Ends with a colon (or the ":-" some writers use), which introduces what follows.</summary>
    public static bool EndsWithColon(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd();
        return t.EndsWith(':') || t.EndsWith(":-", StringComparison.Ordinal) || t.EndsWith(":–", StringComparison.Ordinal);
    }

    /// <summary>
    /// A short line (at most <paramref name="maxLength"/> characters) with no terminal punctuation in Title Case or UPPER CASE,
    /// or a short line ending with a colon.
    /// </summary>
    public static bool IsHeadingLike(ReadOnlySpan<char> line, int maxLength = 100)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.Length > maxLength || IsListItem(t))
        {
            return false;
        }

        if (EndsWithColon(t))
        {
            return true;
        }

        if (EndsWithTerminalPunctuation(t) || t.EndsWith(',') || t.EndsWith('-'))
        {
            return false;
        }

        // The words Split(' ', RemoveEmptyEntries) would give, read in place.
        var counted = 0;
        var capitalised = 0;
        foreach (var range in t.Split(' '))
        {
            var letters = t[range].TrimStart("\"'([“‘");
            if (letters.Length == 0 || SmallWordLookup.Contains(letters))
            {
                continue;
            }

            counted++;
            if (!char.IsLower(letters[0]))
            {
                capitalised++;
            }
        }

        return counted > 0 && capitalised * 10 >= counted * 7;
    }

    /// <summary>
    /// A short line (at most 60 characters and 8 words) starting with a capital or digit and ending without punctuation:
    /// a sentence-case heading such as "Key learning" when it follows a finished sentence.
    /// </summary>
    public static bool IsShortHeading(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        return t.Length is > 0 and <= 60 && (char.IsUpper(t[0]) || char.IsDigit(t[0])) &&
               !EndsWithTerminalPunctuation(t) && t[^1] is not (',' or '-' or '–') &&
               WordCount(t) <= 8;
    }

    /// <summary>How many pieces <c>Split(' ', StringSplitOptions.RemoveEmptyEntries)</c> would give, without splitting.</summary>
    internal static int WordCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = c == ' ';
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }

    /// <summary>A table row as the loaders write it: cells separated by " | ".</summary>
    public static bool IsTableRow(ReadOnlySpan<char> line) => line.Contains(" | ", StringComparison.Ordinal);

    /// <summary>A line that only carries a page number: 3, Page 3, Page 3 of 12, - 3 -, 3 | P a g e, 3/12.</summary>
    public static bool IsPageNumber(string line) => PageNumber().IsMatch(line.Trim());

    /// <summary>As <see cref="IsPageNumber(string)"/>, for a line read in place.</summary>
    public static bool IsPageNumber(ReadOnlySpan<char> line) => PageNumber().IsMatch(line.Trim());

    /// <summary>A line that is only a number of one to three digits (a page or box number, not a year).</summary>
    public static bool IsLoneNumber(string line) => LoneNumber().IsMatch(line.Trim());

    /// <summary>As <see cref="IsLoneNumber(string)"/>, for a line read in place.</summary>
    public static bool IsLoneNumber(ReadOnlySpan<char> line) => LoneNumber().IsMatch(line.Trim());

    /// <summary>The width text was hard-wrapped at (pdftotext output), or null when it is one paragraph per line.</summary>
    public static int? WrapWidth(IReadOnlyList<string> lines) =>
        WrapWidth([.. lines.Select(l => l.Trim().Length).Where(n => n >= 10).Order()]);

    /// <summary>As <see cref="WrapWidth(IReadOnlyList{string})"/>, for the lines of a text read in place.</summary>
    public static int? WrapWidth(string text)
    {
        var lengths = new List<int>();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var length = text.AsSpan(range).Trim().Length;
            if (length >= 10)
            {
                lengths.Add(length);
            }
        }

        lengths.Sort();
        return WrapWidth(lengths.ToArray());
    }

    // The wrap width from the sorted lengths (10 characters or more) of a text's trimmed lines.
    private static int? WrapWidth(int[] lengths)
    {
        if (lengths.Length < 5)
        {
            return null;
        }

        var width = lengths[(int)(lengths.Length * 0.9)];
        if (width > 160)
        {
            return null;
        }

        var nearWidth = lengths.Count(n => n >= width * 3 / 4 && n <= width * 11 / 10);
        return nearWidth * 10 >= lengths.Length * 4 ? width : null;
    }

    [GeneratedRegex(@"^(?:\(?\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)[.)])\s", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"[.!?:;][""'”’)\]]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TerminalEnd();

    [GeneratedRegex(@"^(?:(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,3}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*\|\s*p\s*a\s*g\s*e|page\s*\|\s*\d{1,4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LoneNumber();
}
