using System.Text.RegularExpressions;
using Lantern.Core.Model;

namespace Lantern.Core.Coding;

/// <summary>
/// Splits a stretch of normalised text into sentence spans: at a full stop, question or exclamation mark followed by
/// a capital, digit, quote or bullet; at a blank line; and at a line that starts a list item. A single line break
/// inside a sentence (wrapped PDF text) is not a boundary.
/// </summary>
public static partial class SentenceSplitter
{
    /// <summary>Sentence spans inside <paramref name="span"/> of <paramref name="text"/>, trimmed, in order; never throws.</summary>
    public static IReadOnlyList<SourceSpan> Split(string text, SourceSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        var sentences = new List<SourceSpan>();
        var slice = text.AsSpan(start, end - start);
        var from = 0;
        foreach (var boundary in Boundary().EnumerateMatches(slice))
        {
            // "keep" (the punctuation that ends the sentence) is the whole match when there is one: the alternatives
            // that hold it start with that punctuation and go on only in lookaheads; the others start with a line break.
            var keep = slice[boundary.Index] != '\n' ? boundary.Length : 0;
            Add(slice, start, from, boundary.Index + keep, sentences);
            from = boundary.Index + boundary.Length;
        }

        Add(slice, start, from, slice.Length, sentences);
        return sentences;
    }

    private static void Add(ReadOnlySpan<char> slice, int offset, int from, int to, List<SourceSpan> sentences)
    {
        while (from < to && char.IsWhiteSpace(slice[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(slice[to - 1]))
        {
            to--;
        }

        if (to > from && slice[from..to].ContainsAnyExcept(" \t\r\n-•.*"))
        {
            sentences.Add(SourceSpan.FromBounds(offset + from, offset + to));
        }
    }

    // "keep" is the punctuation that stays with the sentence before the boundary.
    [GeneratedRegex(@"(?<keep>[.!?…][""'”’)]*)(?=\s+[""'“‘(\p{Lu}\d•\-])|\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-•*▪◦]|\.\.|\d{1,2}[.)]\s|[a-z][.)]\s))|(?<keep>[:;])(?=\s*\n)", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();
}
