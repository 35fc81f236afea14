using Lantern.Core.Model;
using Lantern.Core.Pipeline;
using Lantern.Core.Segmentation;

namespace Lantern.Core.Extraction;

/// <summary>The label lines of a review's heading, parsed, with a way to turn label offsets into document spans.</summary>
internal static class ReviewHeading
{
    /// <summary>Each line of the heading that parses as a review label, in order.</summary>
    public static IEnumerable<(TextBlock Line, ReviewLabel Label)> Labels(ReviewContext context)
    {
        if (context.Segment.HeadingSpan is not { } heading)
        {
            yield break;
        }

        var text = heading.Slice(context.Text);
        foreach (var line in TextBlock.Read(text))
        {
            var absolute = line with { Start = line.Start + heading.Start, End = line.End + heading.Start };
            if (ReviewLabelParser.Parse(absolute.Plain) is { } label)
            {
                yield return (absolute, label);
            }
        }
    }

    /// <summary>The heading lines, whether or not they parse as labels.</summary>
    public static IEnumerable<TextBlock> Lines(ReviewContext context)
    {
        if (context.Segment.HeadingSpan is not { } heading)
        {
            return [];
        }

        return TextBlock.Read(heading.Slice(context.Text)).Select(l => l with { Start = l.Start + heading.Start, End = l.End + heading.Start });
    }

    /// <summary>Maps a (start, length) in the line's plain text to a span of the document.</summary>
    public static SourceSpan SpanOf(TextBlock line, (int Start, int Length) at)
    {
        var start = StandardSegmenter.LocateInRaw(line, at.Start);
        var length = Math.Min(at.Length, Math.Max(0, line.Raw.Length - start));
        return new SourceSpan(line.Start + start, length);
    }
}
