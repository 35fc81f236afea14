using System.Globalization;
using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Segmentation;

/// <summary>
/// Splits a normalised document into its reviews and each review into sections, from the structure and vocabulary of
/// the field: review labels (codes, case labels, repository entries, type headings) open reviews; section headings and
/// paragraph openings give text its role; a heading that belongs to no review, or unrelated prose after a list, ends
/// a review. A document with no label but a case description and learning is one review; one with neither has none.
/// </summary>
public sealed partial class StandardSegmenter : ISegmenter
{
    /// <inheritdoc />
    public DocumentLayout Segment(string text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var blocks = TextBlock.Read(text);
        var furniture = PageFurniture.Find(blocks);

        // Each block's list marker is measured once here; the label search and the walkers read it from this array.
        var markers = new int[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            markers[i] = ListMarker.MarkerLength(blocks[i].Raw);
        }

        var labels = new ReviewLabel?[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!furniture[i] && markers[i] == 0)
            {
                labels[i] = ReviewLabelParser.Parse(blocks[i].Plain);
            }
        }

        // Type headings ("Learning from a Serious Case Review") open reviews where nothing sharper labels them, or after
        // the first sharp label (a digest that labels one case by code and the next by its kind); either way the text
        // under them must read as a review, since an article may carry such a heading too.
        var sharp = Enumerable.Range(0, blocks.Count).Where(i => labels[i] is { IsTypeHeading: false }).ToList();
        var firstSharp = sharp.Count > 0 ? sharp[0] : blocks.Count;
        var starts = Enumerable.Range(0, blocks.Count).Where(i => labels[i] is not null && (!labels[i]!.IsTypeHeading || sharp.Count == 0 || i > firstSharp)).ToList();

        var reviews = new List<ReviewSegment>();
        if (starts.Count == 0)
        {
            if (SingleReview(text, blocks, furniture, markers) is { } single)
            {
                reviews.Add(single);
            }
        }
        else
        {
            for (var s = 0; s < starts.Count; s++)
            {
                var first = starts[s];
                var last = first;
                // Consecutive label lines with nothing between them ("Review 2: "Sam"" / "RR21-03") label one review.
                while (s + 1 < starts.Count && labels[last]!.RestAt < 0 && NextContent(furniture, last) == starts[s + 1])
                {
                    last = starts[++s];
                }

                var end = s + 1 < starts.Count ? starts[s + 1] : blocks.Count;
                var segment = Walk(text, blocks, furniture, markers, first, last, labels[last], end);
                if (!labels[first]!.IsTypeHeading || IsReview(text, segment))
                {
                    reviews.Add(segment);
                }
            }
        }

        var firstReviewStart = reviews.Count > 0 ? reviews[0].Span.Start : text.Length;
        return new DocumentLayout(reviews)
        {
            TitleSpan = blocks.FirstOrDefault(b => b.Start < firstReviewStart && ReviewLabelParser.IsHeadingShaped(b.Plain, 20))?.Span,
            DocumentYear = DocumentYear(blocks, furniture, firstReviewStart),
        };
    }

    private static ReviewSegment Walk(string text, IReadOnlyList<TextBlock> blocks, bool[] furniture, int[] markers, int first, int last, ReviewLabel? label, int end)
    {
        SourceSpan? rest = null;
        if (label is { RestAt: >= 0 })
        {
            var block = blocks[last];
            var at = LocateInRaw(block, label.RestAt);
            rest = SourceSpan.FromBounds(block.Start + at, block.End);
        }

        var walker = new ReviewWalker(text, rest);
        for (var i = last + 1; i < end; i++)
        {
            if (furniture[i])
            {
                continue;
            }

            var next = NextContent(furniture, i);
            walker.Add(blocks[i], markers[i], next < end && next >= 0 && markers[next] > 0);
        }

        var heading = SourceSpan.FromBounds(blocks[first].Start, blocks[last].End);
        var spanEnd = Math.Max(heading.End, walker.ContentEnd);
        return new ReviewSegment(SourceSpan.FromBounds(heading.Start, spanEnd), heading, walker.Sections());
    }

    private static ReviewSegment? SingleReview(string text, IReadOnlyList<TextBlock> blocks, bool[] furniture, int[] markers)
    {
        // Leading heading-shaped lines that name no section are the document's title.
        var first = 0;
        while (first < blocks.Count && (furniture[first] || (ReviewLabelParser.IsHeadingShaped(blocks[first].Plain, 16) && SectionVocabulary.ClassifyHeading(blocks[first].Plain) is null)))
        {
            first++;
        }

        if (first >= blocks.Count)
        {
            return null;
        }

        var walker = new ReviewWalker(text, null);
        for (var i = first; i < blocks.Count; i++)
        {
            if (!furniture[i])
            {
                var next = NextContent(furniture, i);
                walker.Add(blocks[i], markers[i], next >= 0 && markers[next] > 0);
            }
        }

        var titleEnd = first > 0 ? blocks[first - 1].End : blocks[first].Start;
        SourceSpan? heading = first > 0 ? SourceSpan.FromBounds(blocks[0].Start, titleEnd) : null;
        var segment = new ReviewSegment(SourceSpan.FromBounds(blocks[0].Start, Math.Max(titleEnd, walker.ContentEnd)), heading, walker.Sections());
        return IsReview(text, segment) ? segment : null;
    }

    /// <summary>A stretch of text is a review when it describes a case and records learning or actions from it.</summary>
    private static bool IsReview(string text, ReviewSegment segment)
    {
        var hasFindings = segment.Sections.Any(s => s.Kind is SectionKind.Learning or SectionKind.GoodPractice or SectionKind.Actions or SectionKind.PanelFeedback && s.Items.Count > 0);
        var description = string.Join(' ', segment.Sections.Where(s => s.Kind is SectionKind.Preamble or SectionKind.Summary).SelectMany(s => s.Items).Select(i => i.Text));
        var heading = segment.HeadingSpan?.Slice(text) ?? "";
        return hasFindings && (CaseWords().IsMatch(description) || (ReviewLabelParser.Parse(heading) is not null && description.Length > 0));
    }

    private static Evidence<int>? DocumentYear(IReadOnlyList<TextBlock> blocks, bool[] furniture, int firstReviewStart)
    {
        var seen = 0;
        for (var i = 0; i < blocks.Count && seen < 6; i++)
        {
            var block = blocks[i];
            if (block.Start >= firstReviewStart && !furniture[i])
            {
                continue;
            }

            if (!furniture[i])
            {
                seen++;
            }

            if (block.WordCount > 25 || !ReviewWords().IsMatch(block.Plain))
            {
                continue;
            }

            var years = Year().Matches(block.Raw).Select(m => m.Value).Distinct().ToList();
            if (years.Count == 1 && !YearRange().IsMatch(block.Raw))
            {
                var m = Year().Match(block.Raw);
                return new Evidence<int>(int.Parse(m.Value, CultureInfo.InvariantCulture), new SourceSpan(block.Start + m.Index, m.Length));
            }
        }

        return null;
    }

    private static int NextContent(bool[] furniture, int i)
    {
        for (var j = i + 1; j < furniture.Length; j++)
        {
            if (!furniture[j])
            {
                return j;
            }
        }

        return -1;
    }

    // Label offsets are in the block's plain text; find the same words in the raw line (markup may differ).
    internal static int LocateInRaw(TextBlock block, int plainOffset)
    {
        var tail = block.Plain[Math.Min(plainOffset, block.Plain.Length)..];
        if (tail.Length == 0)
        {
            return block.Raw.Length;
        }

        var probe = tail[..Math.Min(12, tail.Length)];
        var at = block.Raw.IndexOf(probe, StringComparison.Ordinal);
        return at >= 0 ? at : Math.Min(plainOffset, block.Raw.Length);
    }

    [GeneratedRegex(@"\b(?:this|the) (?:review|case|serious case review|rapid review|scr|silp|lcspr|cspr)\b|\b\d+[- ](?:month|year|week|day)s?[- ]old\b|\b(?:baby|infant|child|children|young person|boy|girl|mother|family|siblings?)\b.{0,80}\b(?:died|death|injur\w*|harm\w*|abuse\w*|neglect\w*|exploit\w*|assault\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex CaseWords();

    [GeneratedRegex(@"\breviews?\b|\bscrs?\b|\bsilps?\b|\blcsprs?\b|\bcsprs?\b|\blscprs?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewWords();

    [GeneratedRegex(@"\b(?:19[5-9]\d|20[0-4]\d)\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d\b")]
    private static partial Regex YearRange();
}
