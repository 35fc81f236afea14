using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Lantern.Core.Segmentation;

/// <summary>
/// Finds lines that are page furniture rather than content: page numbers, a year standing alone, and running headers or
/// footers (the same short line printed on several pages). They are skipped, so a header between two pages of one
/// review does not end it.
/// </summary>
internal static partial class PageFurniture
{
    public static bool[] Find(IReadOnlyList<TextBlock> blocks)
    {
        var furniture = new bool[blocks.Count];
        var total = 0;
        foreach (var block in blocks)
        {
            total += block.Plain.Length;
        }

        // Each line lower-cased once (for the count and for the look-up below), all into one pooled buffer rather than
        // a string per line; a line is counted by its place in the buffer and compared by the characters there.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, total));
        try
        {
            var lower = new Line[blocks.Count];
            var counts = new Dictionary<Line, int>(blocks.Count, new LineComparer(buffer));
            var at = 0;
            for (var i = 0; i < blocks.Count; i++)
            {
                var plain = blocks[i].Plain;
                plain.AsSpan().ToLowerInvariant(buffer.AsSpan(at, plain.Length));
                lower[i] = new Line(at, plain.Length);
                at += plain.Length;
                CollectionsMarshal.GetValueRefOrAddDefault(counts, lower[i], out _)++;
            }

            Mark(blocks, furniture, lower, counts);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return furniture;
    }

    /// <summary>A lower-cased line: where it stands in the shared buffer.</summary>
    private readonly record struct Line(int Start, int Length);

    /// <summary>Compares lines by their characters in the buffer (ordinal, as the lower-cased strings were compared).</summary>
    private sealed class LineComparer(char[] buffer) : IEqualityComparer<Line>
    {
        public bool Equals(Line x, Line y) =>
            buffer.AsSpan(x.Start, x.Length).SequenceEqual(buffer.AsSpan(y.Start, y.Length));

        public int GetHashCode(Line line) => string.GetHashCode(buffer.AsSpan(line.Start, line.Length));
    }

    private static void Mark(IReadOnlyList<TextBlock> blocks, bool[] furniture, Line[] lower, Dictionary<Line, int> counts)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var plain = blocks[i].Plain;
            if (PageNumber().IsMatch(plain))
            {
                furniture[i] = true;
                continue;
            }

            var repeated = counts[lower[i]] >= 2;
            // Headers and footers do not end like sentences; a repeated sentence ("Very young baby died.") is content.
            if (repeated && blocks[i].WordCount is >= 3 and <= 20
                && plain[^1] is not ('.' or '!' or '?' or ';' or ',' or ':')
                && ListMarker.MarkerLength(blocks[i].Raw) == 0
                && SectionVocabulary.ClassifyHeading(plain) is null
                && SectionVocabulary.ClassifyOpening(plain) is null
                && ReviewLabelParser.Parse(plain) is null)
            {
                furniture[i] = true;
            }
        }
    }

    [GeneratedRegex(@"^(?:\d{1,4}|page \d+(?: of \d+)?|\d+ of \d+|- ?\d+ ?-|\[?\d+\]?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
