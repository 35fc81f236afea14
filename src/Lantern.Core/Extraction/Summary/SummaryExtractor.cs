using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.Summary;

/// <summary>
/// Takes the review's case description: the text of its summary/background section, with any description printed on
/// the label line and the unlabelled opening paragraphs. Null when the review has no description.
/// </summary>
public sealed class SummaryExtractor : IReviewExtractor
{
    /// <inheritdoc />
    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        var items = context.Segment.Sections
            .Where(s => s.Kind is SectionKind.Preamble or SectionKind.Summary)
            .SelectMany(s => s.Items)
            .ToList();
        if (items.Count == 0)
        {
            return review;
        }

        var text = string.Join(' ', items.Select(i => i.Text));
        var span = SourceSpan.FromBounds(items.Min(i => i.Span.Start), items.Max(i => i.Span.End));
        return review with { Summary = new TextItem(text, span) };
    }
}
