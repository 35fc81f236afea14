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
        // Each line lower-cased once (for the count and for the look-up below).
        var lower = new string[blocks.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            lower[i] = blocks[i].Plain.ToLowerInvariant();
            counts[lower[i]] = counts.GetValueOrDefault(lower[i]) + 1;
        }

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

        return furniture;
    }

    [GeneratedRegex(@"^(?:\d{1,4}|page \d+(?: of \d+)?|\d+ of \d+|- ?\d+ ?-|\[?\d+\]?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
