using System.Text.RegularExpressions;
using Lantern.Core.Model;

namespace Lantern.Core.Segmentation;

/// <summary>
/// One non-blank line of normalised text (after normalisation a paragraph, a list item or a heading),
/// with its offsets. <see cref="Plain"/> is the line with leftover markup removed, for classification only.
/// </summary>
/// <param name="Start">Offset of the first non-space character in the normalised text.</param>
/// <param name="End">Offset one past the last non-space character.</param>
/// <param name="Raw">The line as printed, trimmed.</param>
public sealed partial record TextBlock(int Start, int End, string Raw)
{
    /// <summary>The span the line covers.</summary>
    public SourceSpan Span => SourceSpan.FromBounds(Start, End);

    /// <summary>The line without markdown/HTML leftovers (heading hashes, emphasis, underline tags), whitespace collapsed.</summary>
    public string Plain { get; } = StripMarkup(Raw);

    /// <summary>Number of words in <see cref="Plain"/>.</summary>
    public int WordCount => CountWords(Plain);

    /// <summary>How many pieces <c>Split(' ', StringSplitOptions.RemoveEmptyEntries)</c> would give, without splitting.</summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Normalisation.LineShapes.WordCount(text);
    }

    /// <summary>Whether <see cref="CountWords"/> would count more than <paramref name="limit"/> words; stops counting there.</summary>
    internal static bool HasMoreWordsThan(string text, int limit)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = c == ' ';
            if (!space && !inWord && ++count > limit)
            {
                return true;
            }

            inWord = !space;
        }

        return false;
    }

    /// <summary>Splits text into its non-blank lines. Never throws.</summary>
    public static IReadOnlyList<TextBlock> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<TextBlock>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var start = lineStart;
            var end = lineEnd;
            while (start < end && IsBlank(text[start]))
            {
                start++;
            }

            while (end > start && IsBlank(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                blocks.Add(new TextBlock(start, end, text[start..end]));
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        return blocks;
    }

    /// <summary>Removes leftover markup and collapses whitespace.</summary>
    public static string StripMarkup(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // Most lines hold no markup: both patterns need one of these characters to match.
        var s = line.AsSpan().ContainsAny(MarkupStarts) ? HeadingHashes().Replace(MarkupPattern().Replace(line, ""), "") : line;
        return Collapse(s);
    }

    /// <summary>Collapses runs of whitespace to one space and trims.</summary>
    public static string Collapse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Replacing every single space with a space builds a new string for nothing: only rewrite when some run of
        // whitespace is longer than one character or is not a plain space.
        return NeedsCollapse(text) ? Whitespace().Replace(text, " ").Trim() : text.Trim();
    }

    private static readonly System.Buffers.SearchValues<char> MarkupStarts = System.Buffers.SearchValues.Create("*_<#");

    // True when some white space is not a single plain space: two spaces in a row, or any other white space character
    // (or a zero-width space). Two vectorised searches rather than a look at every character.
    private static bool NeedsCollapse(string text) => NeedsCollapse(text.AsSpan());

    /// <summary>Whether <see cref="Collapse"/> would do more than trim the text.</summary>
    internal static bool NeedsCollapse(ReadOnlySpan<char> text) =>
        text.ContainsAny(OtherWhiteSpace) || text.Contains("  ", StringComparison.Ordinal);

    // Every character char.IsWhiteSpace accepts except the plain space, and the zero-width space.
    private static readonly System.Buffers.SearchValues<char> OtherWhiteSpace = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c == '\u200b' || (c != ' ' && char.IsWhiteSpace(c))).ToArray());

    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff';

    [GeneratedRegex(@"\*\*|__|</?u>|</?b>|</?i>|</?strong>|</?em>", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupPattern();

    [GeneratedRegex(@"^\s*#{1,6}\s*")]
    private static partial Regex HeadingHashes();

    [GeneratedRegex(@"[\s\u00a0\u200b]+")]
    private static partial Regex Whitespace();
}
